import { describe, expect, it } from 'vitest';
import { DEFAULT_REGISTRY, foldCase, type OpenedCase, type RoomId } from '#policies/cases/index.ts';
import { AMINA, ANA, CONTEXT, OPENED, OPENING_ID, envelope, move, opening } from '#policies/cases/testing/fixtures.ts';
import { demoRoster, GUATEMALA, NIGERIA } from '#policies/roster/testing/demo.ts';
import { dashboard, groupEntries, searchable, type DashboardOptions } from './dashboard.ts';

const DAY = 86_400_000;
const NOW = 1_000 + 40 * DAY;

function record(room: string, title: string, steps: number, lastAt: number, respondBy?: string): OpenedCase {
	const events = [{ ...opening(1_000), content: contentWithFields({ title, ...(respondBy === undefined ? {} : { respondBy }) }) }];
	const path = ['draft', 'sent', 'received', 'accepted'];
	let follows: string = OPENING_ID;
	for (let i = 0; i < steps; i++) {
		const id = `$${room}-${i}`;
		events.push(envelope(id, i === 0 ? ANA : AMINA, i === steps - 1 ? lastAt : 2_000 + i, move(follows, path[i]!, path[i + 1]!)));
		follows = id;
	}
	const folded = foldCase(events, { ...CONTEXT, room: room as RoomId });
	if (!folded.opened) throw new Error('fixture did not open');
	return folded;
}

function contentWithFields(fields: object): unknown {
	const base = opening(1_000).content as Record<string, Record<string, unknown>>;
	const payload = base['org.rogatory.case']!;
	return { ...base, 'org.rogatory.case': { ...payload, fields: { ...(payload['fields'] as object), ...fields } } };
}

const options = (self = GUATEMALA.id): DashboardOptions => ({
	roster: demoRoster,
	workflows: DEFAULT_REGISTRY,
	self,
	now: NOW,
	today: '2026-03-10',
	stalledAfterDays: 14,
	dueSoonDays: 7,
});

describe('dashboard', () => {
	const fresh = record('!fresh', 'Operación Cóndor — bank records', 2, NOW - DAY);
	const stale = record('!stale', 'Wire transfers, Lagos', 1, 2_000);

	it('puts stalled requests first and names the counterpart from the viewer’s side', () => {
		const entries = dashboard([fresh, stale], {}, options());
		expect(entries.map((e) => [e.record.room, e.attention])).toEqual([
			['!stale', 'stalled'],
			['!fresh', 'active'],
		]);
		expect(entries[0]!.counterpart).toBe(NIGERIA.id);
		expect(dashboard([fresh], {}, options(NIGERIA.id))[0]!.counterpart).toBe(GUATEMALA.id);
	});

	it('searches titles and references locally, ignoring accents and case', () => {
		expect(searchable('Operación CÓNDOR')).toBe('operacion condor');
		expect(dashboard([fresh, stale], { query: 'operacion condor' }, options()).map((e) => e.record.room)).toEqual(['!fresh']);
		expect(dashboard([fresh, stale], { query: OPENED.fields.requestingReference! }, options())).toHaveLength(2);
		expect(dashboard([fresh, stale], { query: 'nothing-like-this' }, options())).toEqual([]);
	});

	it('filters by status, kind, counterpart country and network', () => {
		expect(dashboard([fresh, stale], { statuses: [fresh.status] }, options()).map((e) => e.record.room)).toEqual(['!fresh']);
		expect(dashboard([fresh, stale], { kinds: ['extradition'] }, options())).toEqual([]);
		expect(dashboard([fresh, stale], { counterpartCountries: ['NG'] }, options())).toHaveLength(2);
		expect(dashboard([fresh, stale], { networks: ['CASC'] }, options())).toEqual([]);
		expect(dashboard([fresh, stale], { networks: ['WACAP'] }, options())).toHaveLength(2);
	});

	it('puts overdue requests right after conflicts, nearest answer-by date first, and filters and groups by deadline', () => {
		const late = record('!late', 'Late', 2, NOW - DAY, '2026-03-09');
		const soon = record('!soon', 'Soon', 2, NOW - DAY, '2026-03-17');
		const far = record('!far', 'Far', 2, NOW - DAY, '2026-03-18');
		const entries = dashboard([far, fresh, soon, stale, late], {}, options());
		expect(entries.map((e) => [e.record.room, e.attention, e.deadline?.state, e.deadline?.daysLeft])).toEqual([
			['!late', 'overdue', 'overdue', -1],
			['!stale', 'stalled', undefined, undefined],
			['!soon', 'active', 'due-soon', 7],
			['!far', 'active', 'later', 8],
			['!fresh', 'active', undefined, undefined],
		]);
		expect(dashboard([far, fresh, soon, late], { deadlines: ['overdue', 'due-soon'] }, options()).map((e) => e.record.room)).toEqual([
			'!late',
			'!soon',
		]);
		expect([...groupEntries(entries, 'deadline', demoRoster).keys()]).toEqual(['overdue', 'none', 'due-soon', 'later']);
	});

	it('groups by status, keeping the order', () => {
		const groups = groupEntries(dashboard([fresh, stale], {}, options()), 'status', demoRoster);
		expect([...groups.keys()]).toEqual([stale.status, fresh.status]);
	});
});
