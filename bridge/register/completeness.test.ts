import { describe, expect, it } from 'vitest';
import { compareHistory, completenessText, type HeldEvent, type HistoryEvent } from './completeness.ts';

const at = (ms: number) => Date.UTC(2026, 11, 4, 12, 0, 0) + ms;
const event = (id: string, ms: number, type = 'm.room.encrypted'): HistoryEvent => ({
	eventId: id,
	sender: '@ana:gt',
	originServerTs: at(ms),
	type,
});
const held = (id: string, ms: number, kind: HeldEvent['kind'] = 'case', kept = true): HeldEvent => ({
	eventId: id,
	originServerTs: at(ms),
	kind,
	kept,
});
const HISTORY = [event('$4', 4000), event('$3', 3000), event('$2', 2000), event('$1', 1000)];
const READ_AT = at(10_000);

describe('compareHistory', () => {
	it('is complete when the register holds every event, whatever kind it saw it as', () => {
		const report = compareHistory({
			history: HISTORY,
			held: [held('$1', 1000), held('$2', 2000, 'chat'), held('$3', 3000, 'undecryptable'), held('$4', 4000, 'other')],
			since: undefined,
			readAt: READ_AT,
		});
		expect(report).toEqual({ complete: true, events: 4, missing: [], unknown: [], unjudged: 0, since: undefined });
		expect(completenessText('r.db', '!r:gt', report)).toBe('register r.db: room !r:gt complete: 4 events, all seen\n');
	});

	it('names the events it does not hold, and those seen whose row is gone, in the history’s order', () => {
		const report = compareHistory({
			history: HISTORY,
			held: [held('$1', 1000), held('$3', 3000, 'case', false)],
			since: undefined,
			readAt: READ_AT,
		});
		expect(report.complete).toBe(false);
		expect(report.missing.map((m) => [m.eventId, m.why])).toEqual([
			['$4', 'not-seen'],
			['$3', 'row-gone'],
			['$2', 'not-seen'],
		]);
		expect(completenessText('r.db', '!r:gt', report).split('\n')).toEqual([
			'register r.db: room !r:gt incomplete: 3 of 4 events the homeserver holds are missing',
			'missing $4 from @ana:gt at 2026-12-04T12:00:04.000Z (m.room.encrypted)',
			'missing $3 from @ana:gt at 2026-12-04T12:00:03.000Z (m.room.encrypted): seen by the bridge, but its row is no longer in the register',
			'missing $2 from @ana:gt at 2026-12-04T12:00:02.000Z (m.room.encrypted)',
			'',
		]);
	});

	it('names what the register holds and the homeserver did not return, unless it came after the reading', () => {
		const report = compareHistory({
			history: HISTORY.slice(1),
			held: [held('$1', 1000), held('$2', 2000), held('$3', 3000), held('$4', 4000), held('$later', 20_000, 'chat')],
			since: undefined,
			readAt: READ_AT,
		});
		expect(report).toMatchObject({ complete: false, events: 3, missing: [], unknown: [held('$4', 4000)] });
		expect(completenessText('r.db', '!r:gt', report)).toBe(
			'register r.db: room !r:gt incomplete: 1 events it holds were not returned by the homeserver\n' +
				"not on the homeserver: $4 at 2026-12-04T12:00:04.000Z (case): the register holds it, the room's history did not return it\n",
		);
	});

	it('does not judge, and says so, older events a register from before seen_events does not hold: they may have been chat', () => {
		const report = compareHistory({ history: HISTORY, held: [held('$1', 1000), held('$4', 4000)], since: at(2500), readAt: READ_AT });
		expect(report).toMatchObject({ complete: false, events: 3, unjudged: 1, missing: [{ eventId: '$3' }] });
		const complete = compareHistory({ history: HISTORY, held: [held('$3', 3000), held('$4', 4000)], since: at(2500), readAt: READ_AT });
		expect(complete).toMatchObject({ complete: true, events: 2, unjudged: 2 });
		expect(completenessText('r.db', '!r:gt', complete)).toBe(
			'register r.db: room !r:gt complete: 2 events, all seen; 2 older events not judged (before 2026-12-04T12:00:02.500Z the register recorded case events only, and these may have been chat)\n',
		);
	});

	it('an empty room, or one of which the register holds nothing, is complete only when the homeserver returned nothing', () => {
		expect(compareHistory({ history: [], held: [], since: undefined, readAt: READ_AT })).toMatchObject({ complete: true, events: 0 });
		expect(compareHistory({ history: HISTORY, held: [], since: undefined, readAt: READ_AT }).missing).toHaveLength(4);
	});
});
