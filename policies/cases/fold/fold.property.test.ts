// Acceptance 4 and 5 of issue 3, as properties of the fold: the same record
// for every arrival order (and repeated deliveries) of the same events; every
// transition accounted for; a move outside the workflow ignored with a visible
// reason; and no input, however broken, makes it throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { status } from '../ids/codes.ts';
import { CONTEXT, envelope, REQUESTED_USERS, REQUESTING_USERS } from '../testing/fixtures.ts';
import { history } from '../testing/histories.ts';
import { findRule } from '../workflows/allowed.ts';
import { DEFAULT_REGISTRY } from '../workflows/registry.ts';
import { foldCase } from './fold.ts';
import type { CaseEventEnvelope, CaseRecord } from './types.ts';

const fold = (events: readonly CaseEventEnvelope[]) => foldCase(events, CONTEXT);

const arrivals = history.chain((events) =>
	fc.tuple(
		fc.constant(events),
		fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
		fc.subarray(events, { maxLength: Math.min(5, events.length) }),
	),
);

describe('foldCase properties', () => {
	it('gives the same record for every arrival order, repeated deliveries included', () => {
		fc.assert(
			fc.property(arrivals, ([events, shuffled, repeated]) => {
				expect(fold([...shuffled, ...repeated])).toEqual(fold(events));
			}),
			{ numRuns: 500 },
		);
	});

	it('accounts for every transition exactly once: applied, refused or pending in a conflict', () => {
		fc.assert(
			fc.property(history, (events) => {
				const record = fold(events);
				const transitions = events.filter((e) => JSON.stringify(e.content).includes('"type":"transition"')).map((e) => e.eventId);
				if (!record.opened) return;
				const pending = record.openConflict?.branches.flatMap((b) => [b.transition.id, ...b.followers]) ?? [];
				const outcomes = [...record.statusHistory.map((c) => c.id), ...record.rejected.map((r) => r.eventId), ...pending] as string[];
				for (const id of transitions) expect(outcomes.filter((o) => o === id)).toHaveLength(1);
			}),
			{ numRuns: 300 },
		);
	});

	it('builds a status history that the workflow allows, link by link', () => {
		fc.assert(
			fc.property(history, (events) => {
				const record = fold(events);
				if (!record.opened) return;
				const workflow = DEFAULT_REGISTRY.get(record.workflow)!;
				let [status, head] = [workflow.initial as string, record.openedBy.eventId as string];
				for (const change of record.statusHistory) {
					expect([change.from, change.follows]).toEqual([status, head]);
					expect(findRule(workflow, change.from, change.to)?.by).toContain(change.side);
					[status, head] = [change.to, change.id];
				}
				expect([record.status, record.head]).toEqual([status, head]);
			}),
			{ numRuns: 300 },
		);
	});

	it('ignores a move the workflow does not allow, with a visible reason, and changes nothing else', () => {
		const withForbidden = history
			.map((events) => ({ events, record: fold(events) }))
			.filter((h): h is { events: CaseEventEnvelope[]; record: Extract<CaseRecord, { opened: true }> } => h.record.opened)
			.chain(({ events, record }) => {
				const workflow = DEFAULT_REGISTRY.get(record.workflow)!;
				const forbidden = workflow.statuses.filter((s) => s !== record.status && findRule(workflow, record.status, s) === undefined);
				return fc.tuple(
					fc.constant(events),
					fc.constant(record),
					fc.constantFrom(...forbidden),
					fc.constantFrom(...REQUESTING_USERS, ...REQUESTED_USERS),
					fc.integer({ min: 0, max: 60 }),
				);
			});
		fc.assert(
			fc.property(withForbidden, ([events, before, to, sender, ts]) => {
				const sneaky = envelope('$sneaky', sender, ts, { type: 'transition', follows: before.head, from: before.status, to: status(to) });
				const after = fold([...events, sneaky]);
				const refusal = after.rejected.find((r) => r.eventId === '$sneaky');
				expect(refusal?.code).toBe('not-allowed');
				expect(refusal?.reason).toMatch(/is not a move of workflow|is a final status/);
				expect({ ...after, rejected: after.rejected.filter((r) => r !== refusal) }).toEqual(before);
			}),
			{ numRuns: 300 },
		);
	});

	it('never throws on arbitrary envelopes; every refusal has a reason, in the total order', () => {
		const anyEnvelope = fc.oneof(
			fc.anything(),
			fc.record({
				eventId: fc.oneof(fc.string(), fc.constantFrom('$a', '$b', '$c')),
				sender: fc.oneof(fc.string(), fc.constantFrom(...REQUESTING_USERS, ...REQUESTED_USERS)),
				originServerTs: fc.oneof(fc.integer(), fc.double()),
				content: fc.anything(),
			}),
		);
		fc.assert(
			fc.property(history, fc.array(anyEnvelope, { maxLength: 10 }), (events, noise) => {
				const record = fold([...events, ...(noise as CaseEventEnvelope[])]);
				for (const r of record.rejected) expect(r.reason.length).toBeGreaterThan(0);
				expect(record.rejected.every((r, i, all) => i === 0 || all[i - 1]!.at <= r.at)).toBe(true);
			}),
			{ numRuns: 300 },
		);
	});
});
