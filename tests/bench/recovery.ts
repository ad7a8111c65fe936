// Metric `recovery` (issue 14, acceptance 6): how long after a receiving
// homeserver comes back from a crash both authorities' registers are
// complete. The flow of tests/support/faults/fault-run.ts — 500 encrypted
// case events from Guatemala's homeserver into a case room with Nigeria,
// both bridges in it — with Nigeria's Synapse SIGKILLed after the first 10
// and started again by the federation's supervisor (restart-policy.ts).
// Value: from the restart (its client API answers again) until both
// registers hold every event. Baseline, in the same run and federation: the
// time the same 500 events take to arrive with no fault, from the first send
// until both registers hold every event. ROGATORY_BENCH_RECOVERY_EVENTS
// changes the size.
import type * as sdk from 'matrix-js-sdk';
import type { BotProcess } from '../support/bot/bot-process.ts';
import { runBot } from '../support/bot/bot-process.ts';
import type { FederationInfo } from '../support/federation-info.ts';
import { faultRun, type Fault, type FaultRun } from '../support/faults/fault-run.ts';
import { report } from './stats.ts';

const EVENTS = Number(process.env['ROGATORY_BENCH_RECOVERY_EVENTS'] ?? 500);
/** A guard for a loaded machine, not a measure: past it the bench fails naming what was missing. */
const LIMIT_MS = 10 * 60_000;

const progress = (line: string): void => console.error(`[recovery] ${line}`);

async function measured(federation: FederationInfo, fault: Fault, label: string): Promise<FaultRun> {
	const clients: sdk.MatrixClient[] = [];
	const bots: BotProcess[] = [];
	try {
		return await faultRun(federation, {
			fault,
			total: EVENTS,
			label,
			recoveryLimitMs: LIMIT_MS,
			startBot: (launch) => {
				const bot = runBot(launch);
				bots.push(bot);
				return bot;
			},
			clients,
			log: progress,
		});
	} finally {
		for (const c of clients) c.stopClient();
		for (const b of bots) b.child.kill('SIGKILL');
	}
}

export async function recovery(federation: FederationInfo): Promise<void> {
	const baseline = await measured(federation, { kind: 'none' }, 'recovery-baseline');
	const crash = await measured(federation, { kind: 'kill' }, 'recovery-crash');
	report({
		metric: 'recovery',
		value: (crash.completeAt - crash.restartedAt!) / 1000,
		unit: 's',
		baseline: (baseline.completeAt - baseline.firstSentAt) / 1000,
		baseline_is: `the same ${EVENTS} events arriving with no fault: first send until both registers hold them all, same run`,
		n: EVENTS,
		sent_while_down: crash.sentWhileDown,
		down_s: Math.round((crash.restartedAt! - crash.faultAt!) / 100) / 10,
		events: 'case events (opening, five moves, notes, amendments, 1 in 23 invalid) from Guatemala, Megolm, Rust crypto in Node',
	});
}
