import { describe, expect, it } from 'vitest';
import type { AuthorityId } from '../roster/types.ts';
import { buildWitnessContent } from './witness-build.ts';
import { checkWitnessHead, parseWitnessContent, parseWitnessFile } from './witness-parse.ts';
import { WITNESS_KEY, WITNESS_LIMITS, witnessPayload, type WitnessHead } from './witness.ts';

const HEAD: WitnessHead = { authority: 'gt-mp' as AuthorityId, seq: 1234, hash: 'a'.repeat(64), at: '2026-03-31T02:00:00Z' };

function built(head: WitnessHead = HEAD): Record<string, unknown> {
	const content = buildWitnessContent(head);
	if (!content.ok) throw new Error(content.error.reason);
	return content.value;
}

const withPayload = (changes: Record<string, unknown>, drop?: string) => {
	const content = built();
	const payload: Record<string, unknown> = { ...(content[WITNESS_KEY] as object), ...changes };
	if (drop !== undefined) delete payload[drop];
	return { ...content, [WITNESS_KEY]: payload };
};

describe('witness heads', () => {
	it('builds an m.notice with a readable line and reads it back as the same four values', () => {
		const content = built();
		expect(content).toEqual({
			msgtype: 'm.notice',
			body: `Register head of gt-mp: 1234 rows, SHA-256 ${'a'.repeat(64)}, read 2026-03-31T02:00:00Z`,
			'm.mentions': {},
			[WITNESS_KEY]: { version: 1, authority: 'gt-mp', seq: 1234, hash: 'a'.repeat(64), at: '2026-03-31T02:00:00Z' },
		});
		expect(parseWitnessContent(JSON.parse(JSON.stringify(content)))).toEqual({ ok: true, value: HEAD });
	});

	it('carries only the head whatever else the object handed to the builder holds', () => {
		const carrying = { ...HEAD, roomId: '!secret:x.org', title: 'Operación Cóndor' } as WitnessHead;
		expect(witnessPayload(carrying)).toEqual({ version: 1, ...HEAD });
		expect(JSON.stringify(built(carrying))).not.toMatch(/secret|Cóndor/);
	});

	it('refuses a key the format does not have, with a reason value, never dropping it', () => {
		const read = parseWitnessContent(withPayload({ room: '!r:x.org' }));
		expect(read).toEqual({ ok: false, error: { code: 'unknown-key', reason: expect.stringContaining(`${WITNESS_KEY}.room`) as string } });
		expect(parseWitnessContent({ ...built(), note: 'x' })).toMatchObject({ ok: false, error: { code: 'unknown-key' } });
	});

	it.each([
		['a missing seq', withPayload({}, 'seq'), 'malformed', /seq: this key is required/],
		['a later version', withPayload({ version: 2 }), 'unsupported-version', /version 2 is not supported/],
		['a fractional seq', withPayload({ seq: 1.5 }), 'malformed', /seq: must be a whole number/],
		['a negative seq', withPayload({ seq: -1 }), 'malformed', /seq/],
		['an upper-case hash', withPayload({ hash: 'A'.repeat(64) }), 'malformed', /hash/],
		['a short hash', withPayload({ hash: 'ab' }), 'malformed', /hash/],
		['an empty register that is not the genesis', withPayload({ seq: 0 }), 'malformed', /genesis/],
		['a time without offset', withPayload({ at: '2026-03-31T02:00:00' }), 'malformed', /no UTC offset/],
		['a day that does not exist', withPayload({ at: '2026-02-30T02:00Z' }), 'malformed', /no day 30/],
		['a bad authority', withPayload({ authority: 'GT MP' }), 'malformed', /authority/],
		['a relation', { ...built(), 'm.relates_to': { rel_type: 'm.thread' } }, 'relation-not-allowed', /m\.relates_to/],
		['a body that says more', { ...built(), body: 'Register head of gt-mp: Operación Cóndor' }, 'malformed', /body/],
		['a mention', { ...built(), 'm.mentions': { user_ids: ['@a:x.org'] } }, 'malformed', /m\.mentions/],
		['an m.text', { ...built(), msgtype: 'm.text' }, 'malformed', /msgtype/],
		['no payload', { msgtype: 'm.notice', body: 'x' }, 'not-a-report', /no "org\.rogatory\.witness" key/],
	])('refuses %s', (_what, content, code, reason) => {
		const read = parseWitnessContent(content);
		expect(read.ok).toBe(false);
		if (!read.ok) {
			expect(read.error.code).toBe(code);
			expect(read.error.reason).toMatch(reason);
		}
	});

	it('reads the genesis head of an empty register', () => {
		expect(checkWitnessHead({ version: 1, ...HEAD, seq: 0, hash: '0'.repeat(64) }, 'h')).toMatchObject({ ok: true });
	});

	it('never throws, whatever it is given', () => {
		const hostile = new Proxy(
			{},
			{
				ownKeys: () => {
					throw new Error('boom');
				},
			},
		);
		for (const value of [null, 1, 'x', [], hostile, { [WITNESS_KEY]: hostile, msgtype: 'm.notice' }])
			expect(parseWitnessContent(value).ok).toBe(false);
	});

	it('refuses to build a head a reader would refuse', () => {
		expect(buildWitnessContent({ ...HEAD, hash: 'nope' })).toMatchObject({ ok: false, error: { code: 'malformed' } });
	});
});

describe('witness files', () => {
	const payload = { version: 1, ...HEAD };

	it('reads an array of event contents and bare payloads, in file order', () => {
		const second = { ...HEAD, seq: 1300, at: '2026-04-01T02:00:00Z' };
		expect(parseWitnessFile(JSON.stringify([payload, built(second)]))).toEqual({ ok: true, value: [HEAD, second] });
		expect(parseWitnessFile('[]')).toEqual({ ok: true, value: [] });
	});

	it('refuses the whole file for one bad entry, naming the entry', () => {
		expect(parseWitnessFile(JSON.stringify([payload, { ...payload, extra: 1 }]))).toEqual({
			ok: false,
			error: { code: 'unknown-key', entry: 1, reason: expect.stringMatching(/^\[1\]\.extra: /) as string },
		});
		expect(parseWitnessFile(JSON.stringify([built(), withPayload({ seq: 'x' })]))).toMatchObject({ ok: false, error: { entry: 1 } });
	});

	it('refuses what is not a JSON array of heads, and files past the caps', () => {
		expect(parseWitnessFile('{')).toMatchObject({ ok: false, error: { code: 'malformed', entry: null } });
		expect(parseWitnessFile('{"heads": []}')).toMatchObject({ ok: false, error: { code: 'malformed', reason: /array/ } });
		expect(
			parseWitnessFile(
				`[${Array(WITNESS_LIMITS.heads + 1)
					.fill('0')
					.join(',')}]`,
			),
		).toMatchObject({
			ok: false,
			error: { code: 'too-large' },
		});
		expect(parseWitnessFile(' '.repeat(WITNESS_LIMITS.fileChars + 1))).toMatchObject({ ok: false, error: { code: 'too-large' } });
	});
});
