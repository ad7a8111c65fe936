// `npm run -s rogatory -- production-demo [--authority <id>]`: the local
// production run (deploy/production/local/run.ts) of one demo authority, in
// .data/production-demo/ (started afresh), federating with the development
// homeservers of the other demo authorities (the `peers` profile, started
// first), with its bridge and web app (built first when stale), until Ctrl-C; then every process it started is stopped. Needs root
// (PostgreSQL runs as its own user; nginx, Redis are installed from Debian
// when missing).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startRunWithPeers } from '../deploy/production/local/with-peers.ts';
import { buildWebIfStale } from './web-build.ts';

export async function runProductionDemo(argv: readonly string[], root: string): Promise<number> {
	let authority: string | undefined;
	try {
		authority = parseArgs({ args: [...argv], options: { authority: { type: 'string' } } }).values.authority;
	} catch (thrown) {
		console.error(
			`rogatory: ${thrown instanceof Error ? thrown.message : String(thrown)}\nusage: rogatory production-demo [--authority <id>]`,
		);
		return 2;
	}
	if (!(await buildWebIfStale(root))) {
		console.error('rogatory: the web app did not build (see the errors above).');
		return 1;
	}
	const dir = join(root, '.data', 'production-demo');
	const production = authority ?? 'gt-mp';
	const started = await startRunWithPeers({ root, dir, authority: production, log: (line) => console.log(`rogatory: ${line}`) });
	if (!started.ok) {
		console.error(`rogatory: ${started.error}`);
		return 1;
	}
	const { demo, peers } = started.value;
	const others = peers.homeservers.map((hs) => `${hs.id} ${hs.clientUrl}`).join(', ');
	console.log(
		`rogatory: ${demo.serverName} runs its production profile at ${demo.baseUrl}, federating with ${others} (CA: ${peers.caCertPath}; logs: ${demo.options.logDir}).`,
	);
	if (demo.webUrl !== undefined)
		console.log(
			`rogatory: its web app answers at ${demo.webUrl.href} on ${demo.homeserver.address}: a browser reaches it with that name mapped to that address (e.g. chromium --host-resolver-rules="MAP ${demo.webUrl.hostname} ${demo.homeserver.address}") and the CA above trusted. Ctrl-C stops it.`,
		);
	await new Promise<void>((resolve) => {
		process.once('SIGINT', resolve);
		process.once('SIGTERM', resolve);
	});
	console.log('rogatory: stopping the production demo');
	await started.value.stop();
	return 0;
}
