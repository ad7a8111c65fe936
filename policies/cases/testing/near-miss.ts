// fast-check generators of event content that is almost a valid case event
// but certainly is not: one required key removed or given a wrong type, a
// string past its cap, an unknown version or type, a forbidden m.relates_to.
// Used by the property tests of the parser and the fold.
import fc from 'fast-check';
import { CASE_EVENT_TYPES, CASE_KEY } from '../vocabulary/namespace.ts';
import { LIMITS } from '../vocabulary/limits.ts';
import type { CaseEvent } from '../events/types.ts';
import { content, move, OPENED, OTHER_ROOM, ROOT } from './fixtures.ts';

type Raw = Record<string, unknown>;

export const VALID_EVENTS: readonly CaseEvent[] = [
	OPENED,
	{ type: 'amended', changes: { title: 'Corrected title', urgency: 'routine' }, reason: 'Typo' },
	move(ROOT, 'draft', 'sent'),
	{ type: 'settled', conflictAt: ROOT, chosen: ROOT, to: move(ROOT, 'draft', 'sent').to, reason: 'Agreed' },
	{ type: 'note', text: 'A note' },
	{ type: 'link', relation: 'provisional-arrest-extradition', end: 'earlier', target: OTHER_ROOM },
	{ type: 'acknowledged' },
];

const REQUIRED: Readonly<Record<CaseEvent['type'], readonly string[]>> = {
	opened: ['kind', 'workflow', 'requesting', 'requested', 'fields'],
	amended: ['changes', 'reason'],
	transition: ['follows', 'from', 'to'],
	settled: ['conflictAt', 'chosen', 'to', 'reason'],
	note: ['text'],
	link: ['relation', 'end', 'target'],
	acknowledged: [],
};

/** Keys holding capped free text, with their cap, per type. */
const CAPPED: Readonly<Record<CaseEvent['type'], readonly (readonly [string, number])[]>> = {
	opened: [],
	amended: [['reason', LIMITS.reason]],
	transition: [['reason', LIMITS.reason]],
	settled: [['reason', LIMITS.reason]],
	note: [['text', LIMITS.note]],
	link: [],
	acknowledged: [],
};

/** Values no required key accepts (every required key wants a string or an object). */
const wrongValue = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.anything(), { maxLength: 3 }));

const base = fc.constantFrom(...VALID_EVENTS).map((event) => ({ event, raw: content(event) as Raw }));

const payloadOf = (raw: Raw) => raw[CASE_KEY] as Raw;
const withPayload = (raw: Raw, payload: Raw): Raw => ({ ...raw, [CASE_KEY]: payload });
const without = (o: Raw, key: string): Raw => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

export const nearMiss: fc.Arbitrary<unknown> = fc.oneof(
	// a required key missing
	base
		.filter(({ event }) => REQUIRED[event.type].length > 0)
		.chain(({ event, raw }) => fc.constantFrom(...REQUIRED[event.type]).map((key) => withPayload(raw, without(payloadOf(raw), key)))),
	// a required key of the wrong type
	base
		.filter(({ event }) => REQUIRED[event.type].length > 0)
		.chain(({ event, raw }) =>
			fc
				.tuple(fc.constantFrom(...REQUIRED[event.type]), wrongValue)
				.map(([key, value]) => withPayload(raw, { ...payloadOf(raw), [key]: value })),
		),
	// free text past its cap (up to ~100 kB)
	base
		.filter(({ event }) => CAPPED[event.type].length > 0)
		.chain(({ event, raw }) =>
			fc
				.tuple(fc.constantFrom(...CAPPED[event.type]), fc.integer({ min: 1, max: 100_000 }))
				.map(([[key, cap], extra]) => withPayload(raw, { ...payloadOf(raw), [key]: 'x'.repeat(cap + extra) })),
		),
	// an opening whose title is too long or whose offences list is too long
	fc.integer({ min: 1, max: 5_000 }).map((extra) =>
		withPayload(content(OPENED) as Raw, {
			...payloadOf(content(OPENED) as Raw),
			fields: { ...OPENED.fields, title: 't'.repeat(LIMITS.title + extra) },
		}),
	),
	fc.integer({ min: LIMITS.offences + 1, max: 500 }).map((n) =>
		withPayload(content(OPENED) as Raw, {
			...payloadOf(content(OPENED) as Raw),
			fields: { ...OPENED.fields, offences: Array.from({ length: n }, (_, i) => ({ code: `custom-${i}`, serious: false })) },
		}),
	),
	// versions and types this client does not read
	base.chain(({ raw }) =>
		fc
			.oneof(fc.integer(), fc.string(), fc.constant(null))
			.filter((v) => v !== 1)
			.map((v) => withPayload(raw, { ...payloadOf(raw), v })),
	),
	base.chain(({ raw }) =>
		fc
			.string()
			.filter((t) => !(CASE_EVENT_TYPES as readonly string[]).includes(t))
			.map((type) => withPayload(raw, { ...payloadOf(raw), type })),
	),
	// the envelope of the payload
	base.chain(({ raw }) => fc.anything().map((relation) => ({ ...raw, 'm.relates_to': relation }))),
	base.chain(({ raw }) =>
		fc
			.string()
			.filter((m) => m !== 'm.text' && m !== 'm.notice')
			.map((msgtype) => ({ ...raw, msgtype })),
	),
	base.chain(({ raw }) =>
		fc.oneof(wrongValue, fc.constant(''), fc.constant('b'.repeat(LIMITS.body + 1))).map((body) => ({ ...raw, body })),
	),
	base.chain(({ raw }) => wrongValue.map((payload) => ({ ...raw, [CASE_KEY]: payload }))),
	// identifiers that break their grammar
	fc.constantFrom('follows', 'from', 'to').chain((key) =>
		fc
			.string({ maxLength: 20 })
			.filter((s) => !/^[a-z][a-z0-9-]*$/.test(s))
			.map((bad) =>
				withPayload(content(VALID_EVENTS[2]!) as Raw, {
					...payloadOf(content(VALID_EVENTS[2]!) as Raw),
					[key]: key === 'follows' ? `x${bad}` : bad,
				}),
			),
	),
);
