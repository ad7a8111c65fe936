import { describe, expect, it } from 'vitest';
import { demoRoster, GUATEMALA, KAZAKHSTAN, NIGERIA } from '../../policies/roster/testing/demo.ts';
import type { CaseRow, TransitionRow } from './rows.ts';
import { median, registerStats } from './stats.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5);

function caseRow(roomId: string, row: Partial<CaseRow>): CaseRow {
	return {
		roomId,
		opened: true,
		kind: 'mla',
		workflow: 'mla.v1',
		requesting: GUATEMALA.id,
		requested: NIGERIA.id,
		requestingReference: null,
		requestedReference: null,
		title: 't',
		status: 'draft',
		terminal: false,
		urgency: 'routine',
		channel: 'formal',
		respondBy: null,
		fields: null,
		openedBy: '@a:x',
		openedEvent: '$o',
		openedAt: T0,
		lastChangeAt: T0,
		head: '$o',
		notes: 0,
		openConflict: false,
		rejectedCount: 0,
		...row,
	};
}

/** A room's status history: [from, to, day] triples. */
function moves(roomId: string, steps: [string, string, number][]): TransitionRow[] {
	return steps.map(([fromStatus, toStatus, day], i) => ({
		roomId,
		position: i + 1,
		eventId: `$${roomId}${i}`,
		follows: '$o',
		fromStatus,
		toStatus,
		reason: null,
		by: '@a:x',
		side: 'requesting',
		at: T0 + day * DAY,
	}));
}

const rows = {
	cases: [
		caseRow('!a', { status: 'under-execution', respondBy: '2026-03-01' }),
		caseRow('!b', {
			kind: 'extradition',
			workflow: 'extradition.v1',
			requesting: KAZAKHSTAN.id,
			requested: GUATEMALA.id,
			status: 'closed',
			terminal: true,
			respondBy: '2026-01-01',
		}),
		caseRow('!c', { status: 'sent' }),
	],
	transitions: [
		...moves('!a', [
			['draft', 'sent', 1],
			['sent', 'received', 4],
			['received', 'accepted', 6],
			['accepted', 'under-execution', 16],
		]),
		...moves('!b', [
			['draft', 'withdrawn', 5],
			['withdrawn', 'closed', 6],
		]),
		...moves('!c', [['draft', 'sent', 3]]),
	],
};

describe('registerStats', () => {
	const stats = registerStats({ rows, roster: demoRoster, authority: GUATEMALA.id, today: '2026-03-02' });

	it('counts requests by side, kind, status, counterpart country and network', () => {
		expect(stats.total).toBe(3);
		expect(stats.bySide).toEqual({ requesting: 2, requested: 1 });
		expect(stats.byKind).toEqual({ extradition: 1, mla: 2 });
		expect(stats.byStatus).toEqual({ closed: 1, sent: 1, 'under-execution': 1 });
		expect(stats.byCounterpartCountry).toEqual({ KZ: 1, NG: 2 });
		expect(stats.byNetwork).toEqual({ CASC: 1, WACAP: 2 });
	});

	it('takes the median of the completed stays in each status, leaving the running ones out', () => {
		expect(stats.medianDaysPerStage).toEqual({
			accepted: { medianDays: 10, stays: 1 },
			draft: { medianDays: 3, stays: 3 },
			received: { medianDays: 2, stays: 1 },
			sent: { medianDays: 3, stays: 1 },
			withdrawn: { medianDays: 1, stays: 1 },
		});
	});

	it('counts as overdue only open cases whose date to respond by is before today', () => {
		expect(stats.overdue).toEqual({ total: 1, byKind: { mla: 1 }, rooms: ['!a'] });
		const onTheDay = registerStats({ rows, roster: demoRoster, authority: GUATEMALA.id, today: '2026-03-01' });
		expect(onTheDay.overdue.total).toBe(0);
	});

	it('counts a stay stamped backwards by a skewed clock as zero days', () => {
		const skewed = {
			cases: [caseRow('!s', { status: 'received' })],
			transitions: moves('!s', [
				['draft', 'sent', -1],
				['sent', 'received', 2],
			]),
		};
		const s = registerStats({ rows: skewed, roster: demoRoster, authority: GUATEMALA.id, today: '2026-01-01' });
		expect(s.medianDaysPerStage).toEqual({ draft: { medianDays: 0, stays: 1 }, sent: { medianDays: 3, stays: 1 } });
	});

	it('takes the middle value, or the mean of the two middle ones', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});
});
