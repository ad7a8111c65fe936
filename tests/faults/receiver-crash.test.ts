// Issue 14, acceptance 1: a receiving homeserver that crashes mid-flow loses
// nothing for its bridge. The flow (tests/support/faults/fault-run.ts: 500
// encrypted case events from Guatemala's homeserver, five status moves
// spread through them) goes into a case room with Nigeria, both bridges in
// it; after the first 10 events Nigeria's Synapse is killed (SIGKILL) and the
// federation's supervisor starts it again after its pause
// (deploy/local/restart-policy.ts), as systemd would on a real host. The
// backlog then arrives by federation retries, with the gap a pruned
// federation queue leaves, which the bridge's back-pagination closes: within
// two minutes of the restart, both registers hold every event exactly once,
// agree, fold to the same record, and `verify` and `verify --complete`
// pass on both.
// ROGATORY_FAULT_EVENTS sets the size (default 500 events).
import { describe, inject, it } from 'vitest';
import { stoppedAfterAll } from '../support/bot/test-processes.ts';
import { faultRun } from '../support/faults/fault-run.ts';
import { expectRegistersAgree } from './registers-agree.ts';

const federation = inject('federation');
const TOTAL = Number(process.env['ROGATORY_FAULT_EVENTS'] ?? 500);
// The bridges' periodic reconciliation, shortened (hourly in production), as in partition.test.ts.
process.env['ROGATORY_BRIDGE_RECONCILE_SECONDS'] ??= '20';

const { clients, bot } = stoppedAfterAll();

describe('a receiving homeserver killed mid-flow and restarted', () => {
	it(`leaves both bridges' registers with all ${TOTAL} events, once each, agreeing (SIGKILL, restarted by the supervisor)`, async () => {
		const run = await faultRun(federation, {
			fault: { kind: 'kill' },
			total: TOTAL,
			label: 'crash',
			recoveryLimitMs: 120_000,
			startBot: bot,
			clients,
			log: (line) => console.log(`fault test: ${line}`),
		});
		expectRegistersAgree(run);
	});
});
