import { describe, expect, it } from 'vitest';
import { status } from '../ids/codes.ts';
import { CASE_KEY } from '../vocabulary/namespace.ts';
import { content, move, OPENED, OTHER_ROOM, ROOT } from '../testing/fixtures.ts';
import { parseCaseEvent } from './parse.ts';
import type { CaseEvent } from './types.ts';

const EVENTS: CaseEvent[] = [
	OPENED,
	{ type: 'amended', changes: { urgency: 'immediate', title: 'New title' }, reason: 'The suspect is about to travel' },
	move(ROOT, 'draft', 'sent'),
	move(ROOT, 'received', 'refused', 'Dual criminality is not met'),
	{ type: 'settled', conflictAt: ROOT, chosen: ROOT, to: status('sent'), reason: 'Agreed by phone' },
	{ type: 'note', text: 'Called the central authority; they confirm receipt.' },
	{ type: 'link', relation: 'preservation-mla', end: 'later', target: OTHER_ROOM },
	{ type: 'link', relation: 'related', target: OTHER_ROOM, removed: true },
];

/** Raw content with the payload patched. */
function withPayload(patch: Record<string, unknown>, base: CaseEvent = OPENED): Record<string, unknown> {
	const raw = content(base) as Record<string, Record<string, unknown>>;
	return { ...raw, [CASE_KEY]: { ...raw[CASE_KEY], ...patch } };
}

function codeOf(raw: unknown) {
	const parsed = parseCaseEvent(raw);
	return parsed.ok ? 'ok' : parsed.error.code;
}

describe('parseCaseEvent', () => {
	it.each(EVENTS.map((e) => [e.type, e] as const))('reads back a built %s event unchanged', (_, event) => {
		expect(parseCaseEvent(content(event))).toEqual({ ok: true, value: event });
	});

	it('skips ordinary messages as not case events', () => {
		expect(codeOf({ msgtype: 'm.text', body: 'hello' })).toBe('not-a-case-event');
		expect(codeOf('hello')).toBe('not-a-case-event');
	});

	it('refuses a case event carrying m.relates_to (ARCHITECTURE.md, decision 2)', () => {
		const raw = { ...(content(OPENED) as object), 'm.relates_to': { rel_type: 'm.reference', event_id: '$x' } };
		expect(codeOf(raw)).toBe('relation-not-allowed');
	});

	it('tells an unsupported version from a malformed one', () => {
		expect(codeOf(withPayload({ v: 2 }))).toBe('unsupported-version');
		expect(codeOf(withPayload({ v: '1' }))).toBe('malformed');
		expect(codeOf(withPayload({ type: 'reopened' }))).toBe('unknown-type');
	});

	it('names the broken key in the reason', () => {
		const parsed = parseCaseEvent(withPayload({ fields: { ...OPENED.fields, title: 'x'.repeat(201) } }));
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.error).toEqual({ code: 'malformed', reason: 'org.rogatory.case.fields.title: must be at most 200 characters (got 201)' });
	});

	it.each([
		['a missing required field', { fields: { ...OPENED.fields, urgency: undefined } }],
		['an unknown kind', { kind: 'rendition' }],
		['no offence', { fields: { ...OPENED.fields, offences: [] } }],
		[
			'the same offence twice',
			{
				fields: {
					...OPENED.fields,
					offences: [
						{ code: 'corruption', serious: true },
						{ code: 'corruption', serious: false },
					],
				},
			},
		],
		['a serious flag that is not a boolean', { fields: { ...OPENED.fields, offences: [{ code: 'corruption', serious: 'yes' }] } }],
		['a bad reference', { fields: { ...OPENED.fields, requestedReference: '\u0000' } }],
		['a blank title', { fields: { ...OPENED.fields, title: '   ' } }],
	])('refuses an opening with %s', (_, patch) => {
		expect(codeOf(JSON.parse(JSON.stringify(withPayload(patch))))).toBe('malformed');
	});

	it('ignores unknown payload keys but refuses unknown amended fields', () => {
		expect(codeOf(withPayload({ futureKey: 1 }))).toBe('ok');
		const amended: CaseEvent = { type: 'amended', changes: { title: 'T' }, reason: 'r' };
		expect(codeOf(withPayload({ changes: { title: 'T', kind: 'extradition' } }, amended))).toBe('malformed');
		expect(codeOf(withPayload({ changes: {} }, amended))).toBe('malformed');
	});

	it('reads an answer-by date only when it is a real calendar date', () => {
		const amend = (respondBy: unknown) => withPayload({ type: 'amended', changes: { respondBy }, reason: 'Hearing moved' });
		expect(parseCaseEvent(amend('2026-02-28'))).toMatchObject({ ok: true, value: { changes: { respondBy: '2026-02-28' } } });
		expect(parseCaseEvent(amend('2028-02-29')).ok).toBe(true);
		for (const wrong of ['2026-02-29', '2026-13-01', '2026-1-5', '26-01-05', '2026-01-05T00:00:00Z', 20260105, ''])
			expect(codeOf(amend(wrong)), String(wrong)).toBe('malformed');
	});

	it('refuses a "related" link with an end, and a directed link without one', () => {
		const related: CaseEvent = { type: 'link', relation: 'related', target: OTHER_ROOM };
		expect(codeOf(withPayload({ end: 'earlier' }, related))).toBe('malformed');
		expect(codeOf(withPayload({ relation: 'preservation-mla' }, related))).toBe('malformed');
		expect(codeOf(withPayload({ removed: false }, related))).toBe('malformed');
	});

	it('refuses a body-less or wrongly typed message', () => {
		const raw = content(OPENED) as Record<string, unknown>;
		expect(codeOf({ ...raw, body: undefined })).toBe('malformed');
		expect(codeOf({ ...raw, msgtype: 'm.image' })).toBe('malformed');
	});

	it('does not throw on exotic objects', () => {
		const hostile = new Proxy(
			{},
			{
				has: () => true,
				get: () => {
					throw new Error('boom');
				},
				getOwnPropertyDescriptor: () => {
					throw new Error('boom');
				},
			},
		);
		expect(codeOf(hostile)).toBe('malformed');
	});
});
