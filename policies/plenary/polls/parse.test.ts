// Reading MSC3381's unstable poll events, and a decision poll's link.
import { describe, expect, it } from 'vitest';
import { PLENARY_VOTE_KEY } from '../events/namespace.ts';
import { GUIDE_VOTE } from '../testing/fixtures.ts';
import { buildDecisionPoll, buildPollEnd, buildPollResponse } from './build.ts';
import { parsePollEnd, parsePollResponse, parsePollStart, parseVoteLink } from './parse.ts';
import { POLL_RESPONSE_TYPE, POLL_START_TYPE, TEXT_KEY } from './types.ts';

const POLL = '$start' as never;

/** An ordinary poll as Element sends it (MSC3381, "Unstable prefix"). */
const elementPoll = (answers: unknown[], extra: Record<string, unknown> = {}) => ({
	[TEXT_KEY]: 'What should we order?',
	[POLL_START_TYPE]: {
		kind: 'org.matrix.msc3381.poll.undisclosed',
		max_selections: 1,
		question: { [TEXT_KEY]: 'What should we order?' },
		answers,
		...extra,
	},
});

describe('parsePollStart', () => {
	it('reads an unstable poll start', () => {
		expect(
			parsePollStart(
				elementPoll([
					{ id: 'pizza', [TEXT_KEY]: 'Pizza' },
					{ id: 'wings', [TEXT_KEY]: 'Wings' },
				]),
			),
		).toEqual({
			ok: true,
			value: {
				question: 'What should we order?',
				kind: 'undisclosed',
				maxSelections: 1,
				answers: [
					{ id: 'pizza', text: 'Pizza' },
					{ id: 'wings', text: 'Wings' },
				],
			},
		});
	});

	it('truncates the answers to 20, reads an unknown kind as undisclosed and a missing max_selections as 1', () => {
		const answers = Array.from({ length: 25 }, (_, i) => ({ id: `a${i}`, [TEXT_KEY]: `Answer ${i}` }));
		const content = elementPoll(answers, { kind: 'com.example.ranked' });
		delete (content[POLL_START_TYPE] as Record<string, unknown>).max_selections;
		const parsed = parsePollStart(content);
		expect(parsed.ok && [parsed.value.answers.length, parsed.value.kind, parsed.value.maxSelections]).toEqual([20, 'undisclosed', 1]);
	});

	it('refuses a poll with no answers, an answer id twice, or a bad max_selections', () => {
		expect(parsePollStart(elementPoll([]))).toEqual({ ok: false, error: `${POLL_START_TYPE}.answers: must hold at least one answer` });
		const twice = [
			{ id: 'a', [TEXT_KEY]: 'A' },
			{ id: 'a', [TEXT_KEY]: 'B' },
		];
		expect(parsePollStart(elementPoll(twice))).toEqual({ ok: false, error: `${POLL_START_TYPE}.answers: names the same answer id twice` });
		expect(parsePollStart(elementPoll([{ id: 'a', [TEXT_KEY]: 'A' }], { max_selections: 0 })).ok).toBe(false);
		expect(parsePollStart({ [TEXT_KEY]: 'hi' })).toEqual({ ok: false, error: `${POLL_START_TYPE}: must be an object` });
	});
});

describe('parsePollResponse and parsePollEnd', () => {
	it('read what the builders write', () => {
		expect(parsePollResponse(buildPollResponse(POLL, ['for']))).toEqual({ ok: true, value: { poll: POLL, answers: ['for'] } });
		expect(parsePollEnd(buildPollEnd(POLL, 'Closed'))).toEqual({ ok: true, value: { poll: POLL } });
	});

	it('keep a response whose answers cannot be read, as a spoiled vote (MSC3381: the latest counts even if invalid)', () => {
		const relation = { 'm.relates_to': { rel_type: 'm.reference', event_id: POLL } };
		expect(parsePollResponse({ ...relation, [POLL_RESPONSE_TYPE]: { answers: [1] } })).toEqual({
			ok: true,
			value: { poll: POLL, answers: undefined },
		});
		expect(parsePollResponse(relation)).toEqual({ ok: true, value: { poll: POLL, answers: undefined } });
	});

	it('refuse what points at no poll', () => {
		expect(parsePollResponse({ [POLL_RESPONSE_TYPE]: { answers: ['for'] } })).toEqual({
			ok: false,
			error: 'm.relates_to: must be an object',
		});
		expect(parsePollResponse({ 'm.relates_to': { rel_type: 'm.annotation', event_id: POLL } }).ok).toBe(false);
		expect(parsePollEnd({ 'm.relates_to': { rel_type: 'm.reference', event_id: POLL } }).ok).toBe(false);
	});
});

describe('parseVoteLink', () => {
	const built = buildDecisionPoll(GUIDE_VOTE);
	const content = built.ok ? built.value : {};
	const poll = parsePollStart(content);
	const start = poll.ok ? poll.value : undefined;

	it('reads the link the builder writes, and none on an ordinary poll', () => {
		expect(start && parseVoteLink(content, start)).toEqual({
			ok: true,
			value: { plenary: 'refco-2026-1', item: 'guide', quorum: 2, answers: { for: 'for', against: 'against', abstain: 'abstain' } },
		});
		const ordinary = elementPoll([{ id: 'a', [TEXT_KEY]: 'A' }]);
		const parsed = parsePollStart(ordinary);
		expect(parsed.ok && parseVoteLink(ordinary, parsed.value)).toEqual({ ok: true, value: undefined });
	});

	it('refuses a link whose answers are not the poll’s, a quorum of zero, or several selections', () => {
		if (start === undefined) throw new Error('the fixture poll does not parse');
		const link = content[PLENARY_VOTE_KEY] as Record<string, unknown>;
		const other = (changes: Record<string, unknown>) => ({ ...content, [PLENARY_VOTE_KEY]: { ...link, ...changes } });
		expect(parseVoteLink(other({ answers: { for: 'for', against: 'against' } }), start).ok).toBe(false);
		expect(parseVoteLink(other({ answers: { for: 'for', against: 'for', abstain: 'abstain' } }), start).ok).toBe(false);
		expect(parseVoteLink(other({ quorum: 0 }), start)).toEqual({
			ok: false,
			error: `${PLENARY_VOTE_KEY}.quorum: must be a whole number of authorities from 1 to 1000`,
		});
		expect(parseVoteLink(content, { ...start, maxSelections: 2 })).toEqual({
			ok: false,
			error: `${POLL_START_TYPE}.max_selections: a decision poll allows one answer`,
		});
	});
});
