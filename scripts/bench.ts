// `npm run bench -- [metric …]`: runs the named metrics (all when none is
// named) against a federation of the `bench` profile and prints one JSON
// object per line: {"metric","value","unit","baseline","ratio","n",…}, where
// the baseline is measured in the same run. Progress goes to stderr.
import { startFederation } from '../deploy/local/federation.ts';
import { demoRoster } from '../policies/roster/demo.ts';
import { federatedDelivery } from '../tests/bench/federated-delivery.ts';
import type { FederationInfo } from '../tests/support/federation-info.ts';

const METRICS: Record<string, (federation: FederationInfo) => Promise<void>> = {
	federated_delivery: federatedDelivery,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in METRICS));
if (unknown.length > 0) {
	console.error(`rogatory bench: unknown metric ${unknown.map((u) => `"${u}"`).join(', ')}; known: ${Object.keys(METRICS).join(', ')}`);
	process.exit(2);
}

const started = await startFederation({
	profile: 'bench',
	roster: demoRoster,
	root: process.cwd(),
	onProgress: (line) => console.error(`[federation] ${line}`),
});
if (!started.ok) {
	console.error(`\nrogatory: ${started.error.message}\n`);
	process.exit(1);
}
const federation = started.value;
let code = 0;
try {
	const info: FederationInfo = { profile: federation.profile, caCertPath: federation.caCertPath, homeservers: federation.homeservers };
	for (const name of asked.length > 0 ? asked : Object.keys(METRICS)) {
		console.error(`[bench] ${name}…`);
		await METRICS[name]!(info);
	}
} catch (error) {
	console.error(`rogatory bench: ${error instanceof Error ? error.message : String(error)}`);
	code = 1;
} finally {
	await federation.stop();
}
process.exit(code);
