// `npm run e2e -- [playwright arguments…]`: the end-to-end tests alone, or a
// few of them (`npm run e2e -- tests/security/headers.e2e.ts`), for working on
// them: builds the web app, starts the test profile's federation, the bridges
// and the web server exactly as `npm test` does, runs Playwright with the
// given arguments, and stops everything, even when tests fail.
import { startFederation } from '../deploy/local/federation.ts';
import { usePrivateUmask } from '../deploy/process/private-umask.ts';
import { profileDeployment } from './deployment.ts';
import { ensureChromium } from './chromium.ts';
import { bin, run } from './child.ts';
import { startE2eEnvironment } from './e2e-environment.ts';

// Files 0600, folders 0700, even when not started through scripts/bootstrap.sh.
usePrivateUmask();

const root = process.cwd();

async function main(args: readonly string[]): Promise<number> {
	if ((await run(bin('vite'), ['build', '--logLevel', 'warn'])) !== 0) return 1;
	const chromium = await ensureChromium();
	if (!chromium.ok) {
		console.error(`rogatory: ${chromium.error}`);
		return 1;
	}
	const started = await startFederation({ profile: 'test', roster: testRoster(), root, onProgress: (line) => console.log(`  ${line}`) });
	if (!started.ok) {
		console.error(started.error.message);
		return 1;
	}
	const federation = started.value;
	const environment = await startE2eEnvironment(root, federation);
	if (!environment.ok) {
		console.error(`rogatory: ${environment.error}`);
		await federation.stop();
		return 1;
	}
	const stop = async (): Promise<void> => {
		await environment.value.stop();
		await federation.stop();
	};
	process.once('SIGINT', () => void stop().then(() => process.exit(130)));
	try {
		return await run(bin('playwright'), ['test', '--reporter=list', ...args], environment.value.env);
	} finally {
		await stop();
	}
}

process.exit(await main(process.argv.slice(2)));

/** The demo files, written into .data/test/ (the tests' accounts and assertions are the demo people's). */
function testRoster() {
	const files = profileDeployment(root, 'test', { fromEnv: false });
	if (!files.ok) throw new Error(files.error);
	return files.value.deployment.runtime;
}
