// Issue 10, acceptance 5: the three readers of a case — the web dashboard, the
// register's statistics and the bridge's `!rogatory deadlines` / `status` —
// agree on which requests are overdue on a given day and on each request's
// last change. Each side runs its own code path over generated case histories
// (policies/cases/testing/histories.ts): the dashboard folds in the browser's
// way, the register ingests the events and counts from its rows, the bridge
// answers from the register's record.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deadlinesCommand, statusCommand } from '../../bridge/commands/executors.ts';
import { DEADLINE_SOURCES, deadlinesOf } from '../../bridge/commands/deadlines.ts';
import { readRows } from '../../bridge/register/rows.ts';
import { registerStats } from '../../bridge/register/stats.ts';
import { batch, inRoom, must, open } from '../../bridge/register/testing.ts';
import { DEFAULT_REGISTRY, foldCase, type OpenedCase, type RoomId } from '../../policies/cases/index.ts';
import { CONTEXT } from '../../policies/cases/testing/fixtures.ts';
import { historyWithDeadline, withOwnIds } from '../../policies/cases/testing/deadlines.ts';
import { GUATEMALA } from '../../policies/roster/testing/demo.ts';
import { dashboard, type DashboardOptions } from '../../web/src/lib/cases/dashboard.ts';

const DAY = 86_400_000;
const dateOf = (at: number): string => new Date(at).toISOString().slice(0, 10);

const scenario = fc.record({
	rooms: fc
		.array(historyWithDeadline, { minLength: 1, maxLength: 4 })
		.map((rooms) => rooms.map((events, i) => withOwnIds(events, `-${i}`))),
	today: fc.integer({ min: 0, max: 6 }).map((n) => dateOf(Date.UTC(2026, 2, 10) + n * DAY)),
});

interface View {
	readonly overdue: readonly string[];
	readonly lastChange: Readonly<Record<string, number>>;
}

function dashboardView(records: readonly OpenedCase[], today: string): View {
	const options: DashboardOptions = {
		roster: CONTEXT.roster,
		workflows: DEFAULT_REGISTRY,
		self: GUATEMALA.id,
		now: Date.parse(`${today}T12:00:00Z`),
		today,
		stalledAfterDays: 14,
		dueSoonDays: 7,
	};
	const all = dashboard(records, {}, options);
	const overdue = dashboard(records, { deadlines: ['overdue'] }, options);
	return {
		overdue: overdue.map((e) => e.record.room).sort(),
		lastChange: Object.fromEntries(all.map((e) => [e.record.room, e.lastActivity])),
	};
}

describe('the dashboard, the register and the bridge', () => {
	it('agree on which requests are overdue and on each request’s last change', () => {
		fc.assert(
			fc.property(scenario, ({ rooms, today }) => {
				const register = open(':memory:');
				try {
					const ids = rooms.map((_, i) => `!room${i}:matrix.mp.gt.rogatory.example` as RoomId);
					must(register.ingest(batch(rooms.flatMap((events, i) => inRoom(ids[i]!, events)))));
					const records = ids.map((room, i) => foldCase(rooms[i]!, { ...CONTEXT, room })).filter((r): r is OpenedCase => r.opened);

					const web = dashboardView(records, today);

					const rows = readRows(register.db);
					const stats = registerStats({ rows, roster: CONTEXT.roster, authority: GUATEMALA.id, today });
					const registerView: View = {
						overdue: [...stats.overdue.rooms].sort(),
						lastChange: Object.fromEntries(rows.cases.map((c) => [c.roomId, c.lastChangeAt ?? Number.NaN])),
					};

					const bridgeRecords = ids.map((room) => must(register.record(room))).filter((r): r is OpenedCase => r.opened);
					const bridgeView: View = {
						overdue: bridgeRecords
							.filter((record) => {
								const deadlines = deadlinesOf(record, DEADLINE_SOURCES, { workflows: DEFAULT_REGISTRY });
								return deadlinesCommand({ deadlines, today }).deadlines.some((d) => d.kind === 'respond-by' && d.daysLeft < 0);
							})
							.map((r) => r.room)
							.sort(),
						lastChange: Object.fromEntries(
							bridgeRecords.map((record) => {
								const reply = statusCommand({ record });
								return [record.room, reply.opened ? reply.lastChange : Number.NaN];
							}),
						),
					};

					expect({ overdue: registerView.overdue, lastChange: registerView.lastChange }).toEqual(web);
					expect(bridgeView).toEqual(web);
				} finally {
					register.close();
				}
			}),
			{ numRuns: 150 },
		);
		// NOTE: 150 runs each open a register database: a few seconds on a loaded machine, not a timing under test.
	}, 60_000);
});
