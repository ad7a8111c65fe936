// The plenary and poll parsers never throw and refuse what they cannot read
// with a reason, whatever they are given.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePollEnd, parsePollResponse, parsePollStart, parseVoteLink } from '../polls/parse.ts';
import { buildDecisionPoll } from '../polls/build.ts';
import { GUIDE_VOTE, PLENARY } from '../testing/fixtures.ts';
import { buildPlenaryContent } from './build.ts';
import { PLENARY_KEY } from './namespace.ts';
import { parsePlenaryContent } from './parse.ts';
import { anyValue as anything } from '../../cases/testing/anything.ts';

const reason = (parsed: { ok: boolean; error?: string }) => {
	if (!parsed.ok) expect(parsed.error).toMatch(/\S/);
};

describe('the plenary parsers on arbitrary input', () => {
	it('never throw on arbitrary values; the plenary parser refuses them with a reason', () => {
		fc.assert(
			fc.property(anything, (value) => {
				const parsed = parsePlenaryContent(value);
				expect(parsed.ok).toBe(false);
				reason(parsed);
				reason(parsePollStart(value));
				reason(parsePollResponse(value));
				reason(parsePollEnd(value));
			}),
			{ numRuns: 3_000 },
		);
	});

	it('never throw when any field of a valid plenary is replaced by arbitrary JSON', () => {
		const built = buildPlenaryContent({ type: 'plenary', plenary: PLENARY });
		if (!built.ok) throw new Error(built.error);
		fc.assert(
			fc.property(fc.constantFrom(...Object.keys(PLENARY)), fc.jsonValue(), (key, value) => {
				const payload = structuredClone(built.value[PLENARY_KEY]) as { plenary: Record<string, unknown> };
				payload.plenary[key] = value;
				reason(parsePlenaryContent({ ...built.value, [PLENARY_KEY]: payload }));
			}),
			{ numRuns: 3_000 },
		);
	});

	it('never throw when any part of a decision poll is replaced by arbitrary JSON', () => {
		const built = buildDecisionPoll(GUIDE_VOTE);
		if (!built.ok) throw new Error(built.error);
		const paths: [string, string | undefined][] = Object.entries(built.value).flatMap(([key, block]) =>
			typeof block === 'object' && block !== null
				? Object.keys(block).map((inner): [string, string | undefined] => [key, inner])
				: [[key, undefined]],
		);
		fc.assert(
			fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
				const content = structuredClone(built.value) as Record<string, Record<string, unknown>>;
				const [outer, inner] = path;
				if (inner === undefined) content[outer] = value as never;
				else (content[outer] ?? {})[inner] = value;
				const poll = parsePollStart(content);
				reason(poll);
				if (poll.ok) reason(parseVoteLink(content, poll.value));
			}),
			{ numRuns: 3_000 },
		);
	});
});
