// `npm test`: every check a change must pass, in the order that fails fastest
// — lint, formatting and types (side by side: one core each); unit tests; the web build; then integration,
// fault (tests/faults) and end-to-end tests against a real federation of the
// `test` profile, which this run starts on its own addresses and ports and always stops.
// Ends on one plain line: "Tests: N passed, N failed".
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startFederation, type LocalFederation } from '../deploy/local/federation.ts';
import { usePrivateUmask } from '../deploy/process/private-umask.ts';
import { profileDeployment } from './deployment.ts';
import { ensureChromium } from './chromium.ts';
import { bin, captured, run } from './child.ts';
import { startE2eEnvironment, type E2eEnvironment } from './e2e-environment.ts';
import { add, none, playwrightCounts, vitestCounts } from './test-counts.ts';
import { describeFailure, playwrightFailures, vitestFailures, type Failure } from './test-failures.ts';

// Files 0600, folders 0700, even when not started through scripts/bootstrap.sh.
usePrivateUmask();

const root = process.cwd();
const reports = join(root, '.data', 'test-reports');

const total = none();
const failedSteps: string[] = [];
const failures: Failure[] = [];

/** Runs one step; a failed check that is not a test runner counts as one failed test. */
async function step(
	name: string,
	command: string,
	args: readonly string[],
	env: NodeJS.ProcessEnv = {},
	runsTests = false,
): Promise<boolean> {
	console.log(`\n── ${name} ──`);
	const code = await run(command, args, env);
	if (code !== 0) {
		failedSteps.push(name);
		if (!runsTests) total.failed += 1;
	}
	return code === 0;
}

/** Runs checks side by side (each is one process on one core), then shows each one's output in turn, as step() would. */
async function steps(checks: readonly { name: string; command: string; args: readonly string[] }[]): Promise<void> {
	const done = await Promise.all(checks.map((check) => captured(check.command, check.args)));
	for (const [i, check] of checks.entries()) {
		const { code, output } = done[i]!;
		console.log(`\n── ${check.name} ──`);
		if (output !== '') process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
		if (code !== 0) {
			failedSteps.push(check.name);
			total.failed += 1;
		}
	}
}

async function vitest(project: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
	const report = join(reports, `vitest-${project}.json`);
	await step(
		`${project} tests`,
		bin('vitest'),
		['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
		env,
		true,
	);
	const counts = vitestCounts(report);
	add(total, counts);
	if (counts.failed > 0) failures.push(...vitestFailures(report, root));
}

async function main(): Promise<number> {
	rmSync(reports, { recursive: true, force: true });
	mkdirSync(reports, { recursive: true });

	await step('svelte-kit sync', bin('svelte-kit'), ['sync']);
	await steps([
		{ name: 'lint (eslint)', command: bin('eslint'), args: ['--max-warnings=0', '.'] },
		{ name: 'format (prettier)', command: bin('prettier'), args: ['--check', '--log-level=warn', '.'] },
		{
			name: 'types (svelte-check)',
			command: bin('svelte-check'),
			args: ['--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human'],
		},
	]);
	await vitest('unit');
	const built = await step('web build', bin('vite'), ['build', '--logLevel', 'warn']);

	let federation: LocalFederation | undefined;
	let e2e: E2eEnvironment | undefined;
	const stopAll = async (): Promise<void> => {
		await e2e?.stop();
		await federation?.stop();
	};
	process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
	process.once('SIGTERM', () => void stopAll().then(() => process.exit(143)));
	try {
		console.log('\n── federation (test profile) ──');
		const started = await startFederation({ profile: 'test', roster: testRoster(), root, onProgress: (line) => console.log(`  ${line}`) });
		if (!started.ok) {
			console.error(`\n${started.error.message}\n`);
			failedSteps.push('federation start');
			total.failed += 1;
			return 1;
		}
		federation = started.value;
		const federationFile = join(root, '.data', 'test', 'federation.json');
		await vitest('integration', { ROGATORY_FEDERATION: federationFile });
		await vitest('faults', { ROGATORY_FEDERATION: federationFile });

		const chromium = await ensureChromium();
		if (!chromium.ok || !built) {
			if (!chromium.ok) console.error(`\nrogatory: ${chromium.error}\n`);
			failedSteps.push('end-to-end set-up');
			total.failed += 1;
			return 1;
		}
		const environment = await startE2eEnvironment(root, federation);
		if (!environment.ok) {
			console.error(`\nrogatory: ${environment.error}\n`);
			failedSteps.push('end-to-end environment');
			total.failed += 1;
			return 1;
		}
		e2e = environment.value;
		const report = join(reports, 'playwright.json');
		await step(
			'end-to-end tests (Playwright, Chromium)',
			bin('playwright'),
			['test', '--reporter=list,json'],
			{ ...e2e.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
			true,
		);
		const counts = playwrightCounts(report);
		add(total, counts);
		if (counts.failed > 0) failures.push(...playwrightFailures(report));
	} finally {
		await stopAll();
	}
	return failedSteps.length === 0 ? 0 : 1;
}

const code = await main();
if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
if (failures.length > 0) console.log(`\nFailed tests:\n${failures.map(describeFailure).join('\n')}`);
console.log(`\nTests: ${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ''}`);
process.exit(code === 0 && total.failed === 0 ? 0 : 1);

/** The demo files, written into .data/test/ (the tests' accounts and assertions are the demo people's). */
function testRoster() {
	const files = profileDeployment(root, 'test', { fromEnv: false });
	if (!files.ok) throw new Error(files.error);
	return files.value.deployment.runtime;
}
