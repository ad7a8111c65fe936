// The built web app (adapter-node's `build/`, through its server entry
// web/server.ts, which adds the security headers to every answer), started
// for `npm start` and for the end-to-end tests, bound to loopback only, on
// the roster and site files it is given (ROGATORY_ROSTER, ROGATORY_SITE).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { deploymentEnv, type DeploymentPaths } from '../deploy/roster/demo-deployment.ts';
import { err, ok, type Result } from '../policies/result.ts';
import { stopChild } from './child.ts';

export interface WebServer {
	readonly url: string;
	stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
		return response.status < 500;
	} catch {
		return false;
	}
}

export async function startWebServer(options: {
	root: string;
	host: string;
	port: number;
	federationFile: string;
	/** The roster and the site files of the authorities it serves (the demo's: writeDemoDeployment). */
	deployment: DeploymentPaths;
	logTo?: 'inherit' | 'ignore';
	/** More environment for the app and its server (ROGATORY_SESSION_RECHECK_SECONDS, see web/src/env.ts; adapter-node's PROTOCOL_HEADER). */
	env?: NodeJS.ProcessEnv;
}): Promise<Result<WebServer, string>> {
	const { root, host, port, federationFile } = options;
	const url = `http://${host}:${port}`;
	if (!existsSync(join(root, 'build', 'index.js')))
		return err('the web app is not built (build/index.js is missing); the build step must run first.');
	if (await answers(url))
		return err(
			`something already answers on ${url}. Stop it (another \`npm start\`?) or choose another port with ROGATORY_WEB_PORT=<port>.`,
		);
	const child: ChildProcess = spawn(process.execPath, [join(root, 'web', 'server.ts')], {
		cwd: root,
		stdio: ['ignore', options.logTo ?? 'inherit', 'inherit'],
		env: {
			...process.env,
			...options.env,
			...deploymentEnv(options.deployment),
			HOST: host,
			PORT: String(port),
			ROGATORY_FEDERATION: federationFile,
		},
	});
	for (let attempt = 0; attempt < 150; attempt++) {
		if (child.exitCode !== null) return err(`the web app exited at start (code ${child.exitCode}); its output is above.`);
		if (await answers(url)) return ok({ url, stop: () => stopChild(child) });
		await new Promise((r) => setTimeout(r, 200));
	}
	await stopChild(child);
	return err(`the web app did not answer on ${url} within 30 seconds.`);
}
