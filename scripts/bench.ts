// `npm run bench -- [metric …]`: runs the named metrics (all when none is
// named) and prints one JSON object per line: {"metric","value","unit",
// "baseline","ratio","n",…}, where the baseline is measured in the same run.
// Metrics that need homeservers get a federation of the `bench` profile,
// started once; `plenary_fanout` starts and stops its own, of ten
// homeservers from its roster file (profile `fanout`); `production_delivery`
// and `production_load` the local production run of one authority with development peers (profile
// `peers`). Progress goes to stderr.
import { startFederation, type LocalFederation } from '../deploy/local/federation.ts';
import { usePrivateUmask } from '../deploy/process/private-umask.ts';
import { profileDeployment } from './deployment.ts';
import { bridgeCatchup, bridgeIngest } from '../tests/bench/bridge-backlog.ts';
import { caseTransition } from '../tests/bench/case-transition.ts';
import { federatedDelivery } from '../tests/bench/federated-delivery.ts';
import { firstLoad } from '../tests/bench/first-load.ts';
import { slowLink } from '../tests/bench/slow-link.ts';
import { foldMetric } from '../tests/bench/fold.ts';
import { plenaryFanout } from '../tests/bench/plenary-fanout.ts';
import { productionDelivery } from '../tests/bench/production-delivery.ts';
import { productionLoad } from '../tests/bench/production-load.ts';
import { escalation } from '../tests/bench/escalation.ts';
import { recovery } from '../tests/bench/recovery.ts';
import { timersMetric } from '../tests/bench/timers.ts';
import type { FederationInfo } from '../tests/support/federation-info.ts';

// Files 0600, folders 0700, even when not started through scripts/bootstrap.sh.
usePrivateUmask();

interface Metric {
	readonly run: (federation: FederationInfo) => Promise<void>;
	readonly needsFederation: boolean;
}

const METRICS: Record<string, Metric> = {
	federated_delivery: { run: federatedDelivery, needsFederation: true },
	case_transition: { run: caseTransition, needsFederation: true },
	first_load: { run: firstLoad, needsFederation: true },
	fold: { run: foldMetric, needsFederation: false },
	bridge_ingest: { run: bridgeIngest, needsFederation: true },
	bridge_catchup: { run: bridgeCatchup, needsFederation: true },
	timers: { run: timersMetric, needsFederation: false },
	slow_link: { run: slowLink, needsFederation: true },
	// Kills one of the bench federation's homeservers; its supervisor restarts it (tests/bench/recovery.ts).
	recovery: { run: recovery, needsFederation: true },
	// Nigeria's bridge mails through an SMTP relay the bench starts on loopback (tests/bench/escalation.ts).
	escalation: { run: escalation, needsFederation: true },
	// Its own federation, not the shared one (tests/bench/plenary-fanout.ts).
	plenary_fanout: { run: plenaryFanout, needsFederation: false },
	// The local production run of one authority and development peers of its own, not the shared federation; needs root (tests/bench/production-site.ts).
	production_delivery: { run: productionDelivery, needsFederation: false },
	production_load: { run: productionLoad, needsFederation: false },
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in METRICS));
if (unknown.length > 0) {
	console.error(`rogatory bench: unknown metric ${unknown.map((u) => `"${u}"`).join(', ')}; known: ${Object.keys(METRICS).join(', ')}`);
	process.exit(2);
}
const names = asked.length > 0 ? asked : Object.keys(METRICS);

let federation: LocalFederation | undefined;
if (names.some((name) => METRICS[name]!.needsFederation)) {
	const files = profileDeployment(process.cwd(), 'bench', { fromEnv: false });
	if (!files.ok) {
		console.error(`\nrogatory: ${files.error}\n`);
		process.exit(1);
	}
	const started = await startFederation({
		profile: 'bench',
		roster: files.value.deployment.runtime,
		root: process.cwd(),
		onProgress: (line) => console.error(`[federation] ${line}`),
	});
	if (!started.ok) {
		console.error(`\nrogatory: ${started.error.message}\n`);
		process.exit(1);
	}
	federation = started.value;
}

let code = 0;
try {
	const info: FederationInfo = {
		profile: federation?.profile ?? 'bench',
		caCertPath: federation?.caCertPath ?? '',
		homeservers: federation?.homeservers ?? [],
	};
	for (const name of names) {
		console.error(`[bench] ${name}…`);
		await METRICS[name]!.run(info);
	}
} catch (error) {
	console.error(`rogatory bench: ${error instanceof Error ? error.message : String(error)}`);
	code = 1;
} finally {
	await federation?.stop();
}
process.exit(code);
