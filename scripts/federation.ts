// Runs one profile's federation on its own (with --bridges, one bridge bot
// per authority too), until Ctrl-C — for developing integration tests next
// to a running `npm test`:
//   sh scripts/bootstrap.sh --exec node scripts/federation.ts bench [--bridges]
//   ROGATORY_FEDERATION=.data/bench/federation.json sh scripts/bootstrap.sh --exec vitest run --project integration <file>
import { join } from 'node:path';
import { startBridges, type LocalBridges } from '../deploy/local/bridges.ts';
import { startFederation } from '../deploy/local/federation.ts';
import { isProfileName } from '../deploy/config/profiles.ts';
import { usePrivateUmask } from '../deploy/process/private-umask.ts';
import { profileDeployment } from './deployment.ts';

// Files 0600, folders 0700, even when not started through scripts/bootstrap.sh.
usePrivateUmask();

const profile = process.argv[2] ?? 'bench';
if (!isProfileName(profile)) {
	console.error(`rogatory: unknown profile "${profile}"; use start, test, bench or other.`);
	process.exit(2);
}
// The files ROGATORY_ROSTER / ROGATORY_SITE name, or the demo's (scripts/deployment.ts).
const files = profileDeployment(process.cwd(), profile, { fromEnv: true });
if (!files.ok) {
	console.error(`rogatory: ${files.error}`);
	process.exit(2);
}
const roster = files.value.deployment.runtime;
const started = await startFederation({ profile, roster, root: process.cwd(), onProgress: (line) => console.log(line) });
if (!started.ok) {
	console.error(`rogatory: ${started.error.message}`);
	process.exit(1);
}
const federation = started.value;
let bridges: LocalBridges | undefined;
if (process.argv.includes('--bridges')) {
	const root = process.cwd();
	const run = await startBridges({
		root,
		profileDir: join(root, '.data', profile),
		homeservers: federation.homeservers,
		deployment: files.value.paths,
		onProgress: (line) => console.log(line),
	});
	if (!run.ok) {
		console.error(`rogatory: ${run.error}`);
		await federation.stop();
		process.exit(1);
	}
	bridges = run.value;
}
console.log(`federation of profile ${profile} running; described in .data/${profile}/federation.json; Ctrl-C stops it`);
const stop = (): void => void (bridges?.stop() ?? Promise.resolve()).then(() => federation.stop()).then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
