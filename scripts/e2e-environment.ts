// What the end-to-end tests need besides the homeservers: one bridge per
// authority and the built web app, started on the test profile's federation
// and stopped together. Used by `npm test` and by `npm run e2e`.
import { join } from 'node:path';
import { startBridges, type LocalBridges } from '../deploy/local/bridges.ts';
import { writeDemoDeployment } from '../deploy/roster/demo-deployment.ts';
import type { LocalFederation } from '../deploy/local/federation.ts';
import { err, ok, type Result } from '../policies/result.ts';
import { startWebServer, type WebServer } from './web-server.ts';

export const E2E_WEB = { host: '127.0.0.1', port: 28080 };
/**
 * The test web server re-checks sessions with the homeserver after 2 seconds
 * (300 by default), so a test sees a logged-out token end the register page's
 * session within a poll, not minutes (tests/security/sessions.e2e.ts).
 */
export const E2E_RECHECK_SECONDS = 2;

export interface E2eEnvironment {
	readonly web: WebServer;
	/** The environment Playwright runs with. */
	readonly env: NodeJS.ProcessEnv;
	stop(): Promise<void>;
}

export async function startE2eEnvironment(root: string, federation: LocalFederation): Promise<Result<E2eEnvironment, string>> {
	const profileDir = join(root, '.data', 'test');
	const federationFile = join(profileDir, 'federation.json');
	// The demo files, as the test federation was started with (scripts/deployment.ts).
	const deployment = writeDemoDeployment(profileDir);
	console.log('\n── bridges (one per authority) ──');
	const bridgesStarted = await startBridges({
		root,
		profileDir,
		homeservers: federation.homeservers,
		deployment,
		onProgress: (line) => console.log(`  ${line}`),
	});
	if (!bridgesStarted.ok) return err(bridgesStarted.error);
	const bridges: LocalBridges = bridgesStarted.value;
	const server = await startWebServer({
		root,
		...E2E_WEB,
		federationFile,
		deployment,
		logTo: 'ignore',
		env: { ROGATORY_SESSION_RECHECK_SECONDS: String(E2E_RECHECK_SECONDS) },
	});
	if (!server.ok) {
		await bridges.stop();
		return err(server.error);
	}
	const web = server.value;
	return ok({
		web,
		env: { ROGATORY_WEB_URL: web.url, ROGATORY_FEDERATION: federationFile, ROGATORY_SESSION_RECHECK_SECONDS: String(E2E_RECHECK_SECONDS) },
		stop: async () => {
			await web.stop();
			await bridges.stop();
		},
	});
}
