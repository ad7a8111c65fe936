import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseReference, EventId, RoomId, UserId } from '../../policies/cases/index.ts';
import { ANA, AMINA, envelope, move, OPENED, ROOM, ROOT, TUNDE } from '../../policies/cases/testing/fixtures.ts';
import { buildPreservationContent, type PreservationEvent } from '../../policies/preservation/record/index.ts';
import type { RuleId } from '../../policies/preservation/types.ts';
import { buildNetworkStatsContent, parseNetworkStatsContent } from '../../policies/reports/index.ts';
import { ok } from '../../policies/result.ts';
import { demoRoster, GUATEMALA, NIGERIA } from '../../policies/roster/testing/demo.ts';
import type { NetworkId } from '../../policies/roster/types.ts';
import { runCli } from './cli-commands.ts';
import { networkStatsFor, registerPreservations } from './network-stats.ts';
import { readRows } from './rows.ts';
import { registerStats } from './stats.ts';
import { batch, inRoom, must, open, REGISTER_CONTEXT, tempDir } from './testing.ts';

/** Strings that must never reach a secretariat: each sits in the register in a title, reference, note, custodian… */
const MARK = {
	title: 'MARKER-TITLE-7Q',
	reference: 'MARKER-REF-7Q',
	theirReference: 'MARKER-THEIRS-7Q',
	note: 'MARKER-NOTE-7Q',
	reason: 'MARKER-REASON-7Q',
	receivedTitle: 'MARKER-INBOUND-7Q',
	custodian: 'MARKER-CUSTODIAN-7Q',
	identifier: 'marker-identifier-7q@example.com',
	range: 'MARKER-RANGE-7Q',
	followUp: 'MARKER-FOLLOWUP-7Q',
} as const;
const INBOUND = '!Inb0und7Q:matrix.ca.ng.rogatory.example' as RoomId;
const REFCO = 'REFCO' as NetworkId;
const NOW = new Date(Date.UTC(2026, 5, 1, 12, 0));
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5);

const preservation = (eventId: string, sender: UserId, at: number, event: PreservationEvent) => {
	const built = buildPreservationContent(event, 'en');
	if (!built.ok) throw new Error(built.error.reason);
	return { room: ROOM, eventId, sender, originServerTs: at, content: built.value };
};
const requested = (): PreservationEvent => ({
	type: 'preservation-requested',
	custodian: MARK.custodian,
	identifiers: [MARK.identifier],
	ranges: [MARK.range],
	rule: 'us-2703f' as RuleId,
	sent: '2026-01-05T09:00-06:00',
});

let temp: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
	temp = tempDir();
	file = temp.file('r.db');
	const register = open(file);
	const sent = inRoom(ROOM, [
		envelope('$open', ANA, T0, {
			...OPENED,
			fields: { ...OPENED.fields, title: MARK.title, requestingReference: MARK.reference as CaseReference },
		}),
		envelope('$t1', ANA, T0 + DAY, move(ROOT, 'draft', 'sent', MARK.reason)),
		envelope('$a0', ANA, T0 + DAY + 1, { type: 'amended', changes: { respondBy: '2026-03-31' }, reason: MARK.reason }),
		envelope('$a1', AMINA, T0 + 2 * DAY, {
			type: 'amended',
			changes: { requestedReference: MARK.theirReference as never },
			reason: MARK.reason,
		}),
		envelope('$t2', AMINA, T0 + 4 * DAY, move('$t1', 'sent', 'received')),
		envelope('$n1', AMINA, T0 + 5 * DAY, { type: 'note', text: MARK.note }),
	]);
	const received = inRoom(INBOUND, [
		envelope('$in', TUNDE, T0, {
			...OPENED,
			requesting: NIGERIA.id,
			requested: GUATEMALA.id,
			fields: { ...OPENED.fields, title: MARK.receivedTitle },
		}),
	]);
	must(register.ingest(batch([...sent, ...received])));
	const confirmedAt = '2026-01-06T10:00-06:00';
	must(
		register.schedule.keep([
			// Followed up within its 90 days: on time.
			preservation('$p1', ANA, T0 + DAY, requested()),
			preservation('$c1', AMINA, T0 + 2 * DAY, { type: 'preservation-confirmed', preservation: '$p1' as EventId, confirmedAt }),
			preservation('$f1', ANA, T0 + 30 * DAY, { type: 'preservation-follow-up', preservation: '$p1' as EventId, reference: MARK.followUp }),
			// Confirmed and never followed up: lapsed by June.
			preservation('$p2', ANA, T0 + DAY + 1, requested()),
			preservation('$c2', AMINA, T0 + 2 * DAY + 1, { type: 'preservation-confirmed', preservation: '$p2' as EventId, confirmedAt }),
		]),
	);
	register.close();
});
afterEach(() => temp.cleanup());

function payloadJson(): string {
	const register = open(file);
	try {
		const rows = readRows(register.db);
		const preservations = must(registerPreservations(register, rows, REGISTER_CONTEXT.servers));
		expect(preservations).toHaveLength(2);
		// What stays home: the statistics know the overdue case's room.
		expect(registerStats({ rows, roster: demoRoster, authority: GUATEMALA.id, today: '2026-06-01' }).overdue.rooms).toEqual([ROOM]);
		const payload = networkStatsFor({
			rows,
			preservations,
			roster: demoRoster,
			authority: GUATEMALA.id,
			network: REFCO,
			today: '2026-06-01',
			now: NOW,
		});
		const content = buildNetworkStatsContent(payload);
		if (!content.ok) throw new Error(content.error.reason);
		return JSON.stringify(content.value);
	} finally {
		register.close();
	}
}

describe('network statistics from a register', () => {
	it('the register holds every marker, and the payload none of them, nor any room, event or user', () => {
		// The register file itself (closed, so its write-ahead log is folded in) holds every marker.
		const everything = readFileSync(file).toString('utf8');
		for (const marker of Object.values(MARK)) expect(everything).toContain(marker);
		const json = payloadJson();
		for (const marker of [...Object.values(MARK), 'MARKER', 'marker', ROOM, INBOUND, ANA, AMINA, TUNDE, 'ana.lopez', 'amina'])
			expect(json).not.toContain(marker);
		// No Matrix sigil at all: no room (!), event ($) or user (@) ID can be in it.
		expect(json).not.toMatch(/[!$@]/);
	});

	it('counts by side, with the preservations on time and lapsed, and the secretariat reads it back', () => {
		const content = JSON.parse(payloadJson()) as unknown;
		const read = parseNetworkStatsContent(content);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.value).toMatchObject({
			authority: 'gt-mp',
			network: 'REFCO',
			asOf: '2026-06-01',
			at: '2026-06-01T12:00:00.000Z',
			sent: {
				total: 1,
				byKind: { mla: 1 },
				byStatus: { received: 1 },
				byCounterpartCountry: { NG: 1 },
				medianDaysPerStage: { draft: { medianDays: 1, stays: 1 }, sent: { medianDays: 3, stays: 1 } },
				preservations: { onTime: 1, lapsed: 1 },
			},
			received: { total: 1, byStatus: { draft: 1 }, byCounterpartCountry: { NG: 1 }, preservations: { onTime: 0, lapsed: 0 } },
		});
	});

	it('is printed by `network-stats --network`, and refused for a network the roster lacks', () => {
		const run = (...argv: string[]) => runCli(argv, () => ok({ roster: demoRoster, authority: GUATEMALA.id, registerFile: file }), NOW);
		const printed = run('network-stats', '--network', 'REFCO', '--today', '2026-06-01');
		expect(printed.code).toBe(0);
		expect(JSON.parse(printed.stdout)).toMatchObject({ sent: { total: 1, preservations: { onTime: 1, lapsed: 1 } } });
		expect(printed.stdout).not.toContain('MARKER');
		expect(run('network-stats', '--network', 'NOPE')).toMatchObject({
			code: 2,
			stderr: 'network-stats: the roster has no network "NOPE"\n',
		});
		expect(run('network-stats')).toMatchObject({
			code: 2,
			stderr: expect.stringMatching(/^network-stats: name the secretariat's network/) as string,
		});
		expect(run('stats', '--network', 'REFCO')).toMatchObject({ code: 2 });
	});
});
