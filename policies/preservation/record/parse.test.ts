// The validator: every payload type read back as built, each broken key named,
// and nothing — however odd — makes it throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePreservationEvent } from './parse.ts';
import { confirm, content, extend, REQUEST, REQUEST_ID } from './testing/fixtures.ts';
import type { PreservationEvent } from './types.ts';
import { PRESERVATION_KEY as K } from './vocabulary.ts';

const withPayload = (payload: Record<string, unknown>) => ({ msgtype: 'm.text', body: 'x', [K]: { v: 1, ...payload } });
const code = (raw: unknown) => {
	const parsed = parsePreservationEvent(raw);
	return parsed.ok ? 'ok' : parsed.error.code;
};
const reason = (raw: unknown) => {
	const parsed = parsePreservationEvent(raw);
	return parsed.ok ? '' : parsed.error.reason;
};

describe('parsePreservationEvent', () => {
	const events: PreservationEvent[] = [
		REQUEST,
		{ ...REQUEST, zone: 'America/Guatemala', ranges: [] },
		confirm('2026-01-06T10:00-06:00'),
		extend(1),
		{ type: 'preservation-follow-up', preservation: REQUEST_ID, room: '!Mla7:matrix.mp.gt.rogatory.example' as never },
		{ type: 'preservation-follow-up', preservation: REQUEST_ID, reference: 'MP-FECO-2026-0007' },
		{ type: 'preservation-released', preservation: REQUEST_ID, note: 'Produced' },
	];
	it.each(events.map((e) => [e.type, e] as const))('reads back %s as built', (_, event) => {
		expect(parsePreservationEvent(content(event))).toEqual({ ok: true, value: event });
	});

	it('refuses what is not a preservation event, with a code and the key named', () => {
		expect(code({ msgtype: 'm.text', body: 'hi' })).toBe('malformed');
		expect(code({ ...withPayload({ type: 'preservation-released', preservation: '$a' }), 'm.relates_to': {} })).toBe(
			'relation-not-allowed',
		);
		expect(code(withPayload({ type: 'preservation-paused' }))).toBe('unknown-type');
		expect(code({ msgtype: 'm.text', body: 'x', [K]: { v: 2, type: 'preservation-released' } })).toBe('unsupported-version');
		expect(reason(withPayload({ ...REQUEST, custodian: 'x'.repeat(201) }))).toContain(`${K}.custodian: must be at most 200`);
		expect(reason(withPayload({ ...REQUEST, identifiers: [] }))).toContain(`${K}.identifiers: must name at least one`);
		expect(reason(withPayload({ ...REQUEST, identifiers: Array.from({ length: 51 }, (_, i) => `a${i}`) }))).toContain('at most 50 entries');
		expect(reason(withPayload({ ...REQUEST, ranges: ['  '] }))).toContain(`${K}.ranges[0]: must not be blank`);
		expect(reason(withPayload({ ...REQUEST, rule: 'Budapest 29' }))).toContain(`${K}.rule`);
		expect(reason(withPayload({ ...REQUEST, zone: '+05:00' }))).toContain(`${K}.zone`);
		expect(reason(withPayload({ ...REQUEST, sent: '2026-01-05T09:00' }))).toContain('it has no UTC offset');
		expect(reason(withPayload({ type: 'preservation-confirmed', preservation: REQUEST_ID, confirmedAt: '2026-02-30T10:00Z' }))).toContain(
			'has no day 30',
		);
		expect(reason(withPayload({ type: 'preservation-confirmed', preservation: 'req', confirmedAt: '2026-01-06T10:00Z' }))).toContain(
			`${K}.preservation`,
		);
		expect(reason(withPayload({ type: 'preservation-extended', preservation: REQUEST_ID, extension: 0 }))).toContain(`${K}.extension`);
		expect(reason(withPayload({ type: 'preservation-follow-up', preservation: REQUEST_ID }))).toContain('needs a "room" or a "reference"');
	});

	it('never throws', () => {
		fc.assert(
			fc.property(fc.anything(), fc.anything(), (a, b) => {
				expect(() => parsePreservationEvent(a)).not.toThrow();
				expect(() => parsePreservationEvent({ msgtype: 'm.text', body: 'x', [K]: b })).not.toThrow();
			}),
		);
	});
});
