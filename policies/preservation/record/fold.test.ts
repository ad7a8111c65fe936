// The fold, table by table: statuses, who may send what, extensions counted
// and refused beyond the rule's maximum, the expiry moved as the rule says,
// and the same records for any arrival order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventId } from '../../cases/ids/matrix.ts';
import type { RuleId } from '../types.ts';
import { foldPreservations } from './fold.ts';
import { AIGERIM, AMINA, ANA, confirm, envelope, extend, OTHER_ROOM, PCONTEXT, REQUEST, REQUEST_ID, ROOM } from './testing/fixtures.ts';

const fold = (events: readonly unknown[]) => foldPreservations(events, PCONTEXT);
const request = envelope(REQUEST_ID, ANA, 1000, REQUEST);
const confirmed = envelope('$conf', AMINA, 2000, confirm('2026-01-06T10:00-06:00'));
const codes = (events: readonly unknown[]) => fold(events).rejected.map((r) => r.code);

describe('foldPreservations', () => {
	it('records a request with its rule, citation and the rule’s default zone, and no expiry before confirmation', () => {
		const [record] = fold([request]).records;
		expect(record).toMatchObject({ id: REQUEST_ID, status: 'requested', rule: 'us-2703f', zone: 'America/New_York', extensionsLeft: 1 });
		expect(record?.citation).toContain('2703(f)');
		expect(record?.deadline).toBeUndefined();
	});

	it('runs the period from the confirmation date: 18 U.S.C. § 2703(f)(2), 90 days in New York', () => {
		const [record] = fold([request, confirmed]).records;
		// 2026-01-06T10:00-06:00 is 11:00 on 6 January in New York; + 90 days = 6 April, end of day (EDT).
		expect(record?.status).toBe('confirmed');
		expect(record?.deadline?.lastDay).toBe('2026-04-06');
		expect(record?.deadline?.expires).toBe('2026-04-06T23:59:59.999-04:00');
	});

	it('moves the expiry by one extension, § 2703(f)(2) “an additional 90-day period”, and refuses a second', () => {
		const folded = fold([request, confirmed, envelope('$ext1', ANA, 3000, extend(1)), envelope('$ext2', ANA, 4000, extend(2))]);
		const [record] = folded.records;
		expect(record?.status).toBe('extended');
		expect(record?.extensions).toHaveLength(1);
		expect(record?.extensionsLeft).toBe(0);
		expect(record?.deadline?.lastDay).toBe('2026-07-05');
		expect(folded.rejected.map((r) => [r.eventId, r.code])).toEqual([['$ext2', 'extension-not-allowed']]);
	});

	it('refuses an extension under a rule that has none (Budapest art. 29(7)), and counts in the named zone', () => {
		const budapest = { ...REQUEST, rule: 'budapest-29' as RuleId, zone: 'Africa/Lagos' };
		const folded = fold([
			envelope(REQUEST_ID, ANA, 1000, budapest),
			envelope('$conf', AMINA, 2000, confirm('2026-03-01T10:00+01:00')),
			envelope('$ext1', ANA, 3000, extend(1)),
		]);
		expect(folded.records[0]?.deadline?.expires).toBe('2026-04-30T23:59:59.999+01:00');
		expect(folded.records[0]?.extensionsLeft).toBe(0);
		expect(folded.rejected.map((r) => r.code)).toEqual(['extension-not-allowed']);
	});

	it('refuses a request whose rule needs a zone and names none, or whose rule is unknown', () => {
		expect(codes([envelope('$a', ANA, 1, { ...REQUEST, rule: 'budapest-29' as RuleId })])).toEqual(['zone-required']);
		expect(codes([envelope('$a', ANA, 1, { ...REQUEST, rule: 'mars-1' as RuleId })])).toEqual(['unknown-rule']);
		expect(codes([envelope('$a', ANA, 1, { ...REQUEST, zone: 'Mars/Olympus' })])).toEqual(['unknown-zone']);
	});

	it('lets each side send only its own events, and nobody outside the case', () => {
		expect(codes([envelope('$a', AMINA, 1, REQUEST)])).toEqual(['wrong-side']);
		expect(codes([request, envelope('$c', ANA, 2, confirm('2026-01-06T10:00Z'))])).toEqual(['wrong-side']);
		expect(codes([request, confirmed, envelope('$e', AMINA, 3, extend(1))])).toEqual(['wrong-side']);
		expect(codes([request, envelope('$r', ANA, 3, { type: 'preservation-released', preservation: REQUEST_ID })])).toEqual(['wrong-side']);
		expect(codes([envelope('$a', AIGERIM, 1, REQUEST)])).toEqual(['not-a-party']);
	});

	it('refuses a confirmation dated after it was sent: it would move the expiry', () => {
		const late = envelope('$late', AMINA, 2000, confirm('2027-06-01T00:15Z'));
		expect(codes([request, late])).toEqual(['confirmed-in-future']);
		// Before the request's own date is fine: the data may have been preserved on a 24/7 call first.
		expect(codes([request, envelope('$early', AMINA, 2000, confirm('2026-01-04T10:00-06:00'))])).toEqual([]);
		expect(codes([request, envelope('$ok', AMINA, 2000, confirm('2027-06-01T00:05Z'))])).toEqual([]);
	});

	it('refuses an extension before confirmation, a second confirmation, a wrong extension number and an unknown preservation', () => {
		expect(codes([request, envelope('$e', ANA, 3, extend(1))])).toEqual(['not-confirmed']);
		expect(codes([request, confirmed, envelope('$c2', AMINA, 3000, confirm('2026-01-07T10:00Z'))])).toEqual(['already-confirmed']);
		expect(codes([request, confirmed, envelope('$e', ANA, 3000, extend(2))])).toEqual(['wrong-extension-number']);
		expect(codes([envelope('$c', AMINA, 3, confirm('2026-01-07T10:00Z', '$nope' as EventId))])).toEqual(['unknown-preservation']);
	});

	it('records the follow-up MLA request (a linked room or a reference) once, and the release ends everything', () => {
		const follow = envelope('$f', ANA, 3000, { type: 'preservation-follow-up', preservation: REQUEST_ID, room: OTHER_ROOM });
		const folded = fold([
			request,
			confirmed,
			follow,
			envelope('$f2', ANA, 3500, { type: 'preservation-follow-up', preservation: REQUEST_ID, reference: 'X-1' }),
			envelope('$rel', AMINA, 4000, { type: 'preservation-released', preservation: REQUEST_ID }),
			envelope('$ext', ANA, 5000, extend(1)),
		]);
		expect(folded.records[0]?.followUp).toMatchObject({ room: OTHER_ROOM, eventId: '$f' });
		expect(folded.records[0]?.status).toBe('released');
		expect(folded.rejected.map((r) => [r.eventId, r.code])).toEqual([
			['$f2', 'already-followed-up'],
			['$ext', 'released'],
		]);
		expect(codes([request, envelope('$f', ANA, 3, { type: 'preservation-follow-up', preservation: REQUEST_ID, room: ROOM })])).toEqual([
			'self-link',
		]);
	});

	it('refuses everything while the case has no opening, skips chat, and never throws', () => {
		expect(foldPreservations([request], { ...PCONTEXT, parties: undefined }).rejected.map((r) => r.code)).toEqual(['no-case']);
		expect(fold([{ eventId: '$chat', sender: ANA, originServerTs: 1, content: { msgtype: 'm.text', body: 'hello' } }])).toEqual({
			records: [],
			rejected: [],
		});
		fc.assert(fc.property(fc.array(fc.anything()), (events) => void expect(() => fold(events)).not.toThrow()));
	});

	it('counts two different events with one ID as neither', () => {
		expect(codes([request, { ...request, originServerTs: 5 }])).toEqual(['duplicate-event-id', 'duplicate-event-id']);
	});

	it('gives the same records for every arrival order, repeated deliveries included', () => {
		const all = [
			request,
			confirmed,
			envelope('$ext1', ANA, 3000, extend(1)),
			envelope('$ext1b', ANA, 3000, extend(1)),
			envelope('$c2', AMINA, 2500, confirm('2026-01-09T10:00Z')),
			envelope('$f', ANA, 3100, { type: 'preservation-follow-up', preservation: REQUEST_ID, reference: 'MLA-1' }),
			envelope('$r2', ANA, 900, { ...REQUEST, custodian: 'Other Ltd.' }),
			envelope('$rel', AMINA, 5000, { type: 'preservation-released', preservation: '$r2' as EventId }),
		];
		const expected = fold(all);
		fc.assert(
			fc.property(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), fc.subarray(all), (shuffled, repeated) => {
				expect(fold([...shuffled, ...repeated])).toEqual(expected);
			}),
		);
	});
});
