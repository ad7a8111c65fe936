// `npm run -s rogatory -- production-demo [--authority <id>]`: the local
// production run (deploy/production/local/run.ts) of one demo authority, in
// .data/production-demo/ (started afresh), federating with the development
// homeservers of the other demo authorities (the `peers` profile, started
// first), until Ctrl-C; then every process it started is stopped. Needs root
// (PostgreSQL runs as its own user; nginx, Redis are installed from Debian
// when missing).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDemoPeers } from '../deploy/production/local/peers.ts';
import { startProductionDemo } from '../deploy/production/local/run.ts';

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
	const dir = join(root, '.data', 'production-demo');
	const production = authority ?? 'gt-mp';
	const peers = await startDemoPeers({ root, authority: production, log: (line) => console.log(`rogatory: peers: ${line}`) });
	if (!peers.ok) {
		console.error(`rogatory: the development homeservers to federate with did not start: ${peers.error}`);
		return 1;
	}
	const demo = await startProductionDemo({
		root,
		dir,
		authority: production,
		federation: peers.value.demo,
		log: (line) => console.log(`rogatory: ${line}`),
	});
	if (!demo.ok) {
		await peers.value.federation.stop();
		console.error(`rogatory: the production demo did not start: ${demo.error}`);
		return 1;
	}
	const others = peers.value.federation.homeservers.map((hs) => `${hs.id} ${hs.clientUrl}`).join(', ');
	console.log(
		`rogatory: ${demo.value.serverName} runs its production profile at ${demo.value.baseUrl}, federating with ${others} (CA: ${peers.value.federation.caCertPath}; logs: ${demo.value.options.logDir}). Ctrl-C stops it.`,
	);
	await new Promise<void>((resolve) => {
		process.once('SIGINT', resolve);
		process.once('SIGTERM', resolve);
	});
	console.log('rogatory: stopping the production demo');
	await demo.value.stop();
	await peers.value.federation.stop();
	return 0;
}
