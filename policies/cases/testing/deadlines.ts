// Case histories with an answer-by date: a generated history (histories.ts)
// and, mostly, an amendment by the requesting side that sets `respondBy` to a
// day in March 2026, so that requests fall before, on and after a test's
// "today" in every status. Also a way to give a history event IDs of its own
// (a register holds many rooms; an event ID is unique across all of them).
// Used by tests only.
import fc from 'fast-check';
import type { CaseEventEnvelope } from '../fold/types.ts';
import type { EventId } from '../ids/matrix.ts';
import { ANA, CARLOS, envelope } from './fixtures.ts';
import { history } from './histories.ts';

const DAY = 86_400_000;
const MARCH = Date.UTC(2026, 2, 1);

const answerBy = fc.record({
	day: fc.integer({ min: 5, max: 20 }),
	ts: fc.integer({ min: 0, max: 50 }),
	by: fc.constantFrom(ANA, CARLOS),
});

export const historyWithDeadline: fc.Arbitrary<CaseEventEnvelope[]> = fc
	.tuple(history, fc.option(answerBy, { freq: 5 }))
	.map(([events, set]) =>
		set === null
			? events
			: [
					...events,
					envelope('$respond-by', set.by, set.ts, {
						type: 'amended',
						changes: { respondBy: new Date(MARCH + set.day * DAY).toISOString().slice(0, 10) },
						reason: 'trial date',
					}),
				],
	);

/** The same history with every event ID (and every reference to one inside the contents) suffixed. */
export function withOwnIds(events: readonly CaseEventEnvelope[], suffix: string): CaseEventEnvelope[] {
	const ids = new Set<unknown>(events.map((e) => e.eventId));
	const rename = (value: unknown): unknown =>
		typeof value === 'string' && ids.has(value)
			? `${value}${suffix}`
			: Array.isArray(value)
				? value.map(rename)
				: typeof value === 'object' && value !== null
					? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rename(v)]))
					: value;
	return events.map((e) => ({ ...e, eventId: `${e.eventId}${suffix}` as EventId, content: rename(e.content) }));
}
