// The count of one poll, rule by rule of MSC3381, with our membership rule.
import { describe, expect, it } from 'vitest';
import type { EventId, UserId } from '../../cases/ids/matrix.ts';
import { ANA, at, BETO, CARLA, CONTEXT, DIEGO, OUTSIDER, SECRETARIAT } from '../testing/fixtures.ts';
import { authorityOf } from '../../cases/fold/parties.ts';
import { tallyPoll, type TallyRules } from './tally.ts';
import type { PollEnd, PollEvent, PollResponse, PollStart } from './types.ts';

const POLL: PollStart = {
	question: '¿Se aprueba la guía?',
	kind: 'disclosed',
	maxSelections: 1,
	answers: [
		{ id: 'for', text: 'Sí' },
		{ id: 'against', text: 'No' },
		{ id: 'abstain', text: 'Abstención' },
	],
};
const start: PollEvent<PollStart> = { eventId: '$start' as EventId, sender: SECRETARIAT as UserId, at: at(0), body: POLL };
const rules: TallyRules = { authorityOf: (s) => authorityOf(s, CONTEXT.servers), mayEnd: (s) => CONTEXT.secretariat.has(s) };

const response = (
	id: string,
	sender: string,
	minutes: number,
	answers: readonly string[] | undefined,
	poll = '$start',
): PollEvent<PollResponse> => ({
	eventId: id as EventId,
	sender: sender as UserId,
	at: at(minutes),
	body: { poll: poll as EventId, answers },
});
const end = (id: string, sender: string, minutes: number): PollEvent<PollEnd> => ({
	eventId: id as EventId,
	sender: sender as UserId,
	at: at(minutes),
	body: { poll: '$start' as EventId },
});
const chosen = (t: ReturnType<typeof tallyPoll>) =>
	Object.fromEntries(t.ballots.map((b) => [b.sender, b.spoiled ? 'spoiled' : b.answers.join('+')]));

describe('tallyPoll', () => {
	it('counts one vote per sender, attributable, with the authorities answering', () => {
		const t = tallyPoll(
			start,
			[response('$r1', ANA, 1, ['for']), response('$r2', CARLA, 2, ['against']), response('$r3', BETO, 3, ['for'])],
			[],
			rules,
		);
		expect(t.closed).toBeUndefined();
		expect(chosen(t)).toEqual({ [ANA]: 'for', [BETO]: 'for', [CARLA]: 'against' });
		expect(t.ballots.map((b) => b.authority)).toEqual(['gt-mp', 'gt-mp', 'sv-fgr']);
		expect(t.counts).toEqual([
			{ answer: 'for', votes: 2 },
			{ answer: 'against', votes: 1 },
			{ answer: 'abstain', votes: 0 },
		]);
		expect(t.answering).toEqual(['gt-mp', 'sv-fgr']);
	});

	it('keeps only the latest of a double vote (origin_server_ts, then event ID), and says which it replaced', () => {
		const t = tallyPoll(start, [response('$r2', ANA, 5, ['against']), response('$r1', ANA, 1, ['for'])], [], rules);
		expect(chosen(t)).toEqual({ [ANA]: 'against' });
		expect(t.superseded).toEqual(['$r1']);
		// Same timestamp: the greater event ID is the later.
		const tie = tallyPoll(start, [response('$b', ANA, 5, ['for']), response('$a', ANA, 5, ['against'])], [], rules);
		expect(chosen(tie)).toEqual({ [ANA]: 'for' });
	});

	it('ignores votes stamped after the first valid end, keeps those on or before it (even before the start)', () => {
		const t = tallyPoll(
			start,
			[response('$early', DIEGO, -1, ['abstain']), response('$on', ANA, 10, ['for']), response('$late', CARLA, 11, ['against'])],
			[end('$end', SECRETARIAT, 10), end('$end2', SECRETARIAT, 20)],
			rules,
		);
		expect(t.closed).toEqual({ eventId: '$end', sender: SECRETARIAT, at: at(10) });
		expect(chosen(t)).toEqual({ [ANA]: 'for', [DIEGO]: 'abstain' });
		expect(t.refused).toEqual([{ eventId: '$late', sender: CARLA, reason: { kind: 'vote-after-end' } }]);
	});

	it('a late change of vote does not undo the vote made in time', () => {
		const t = tallyPoll(
			start,
			[response('$r1', ANA, 1, ['for']), response('$r2', ANA, 30, ['against'])],
			[end('$end', SECRETARIAT, 10)],
			rules,
		);
		expect(chosen(t)).toEqual({ [ANA]: 'for' });
		expect(t.refused.map((r) => r.reason.kind)).toEqual(['vote-after-end']);
	});

	it('ignores an end from anyone but the creator or the secretariat', () => {
		const t = tallyPoll(start, [response('$r1', ANA, 15, ['for'])], [end('$forged', ANA, 5), end('$real', SECRETARIAT, 20)], rules);
		expect(t.closed?.eventId).toBe('$real');
		expect(chosen(t)).toEqual({ [ANA]: 'for' });
		expect(t.refused).toEqual([{ eventId: '$forged', sender: ANA, reason: { kind: 'may-not-end' } }]);
	});

	it('spoils a vote naming an answer the poll does not have, and the spoiled vote still replaces the earlier one', () => {
		const t = tallyPoll(start, [response('$r1', ANA, 1, ['for']), response('$r2', ANA, 2, ['maybe'])], [], rules);
		expect(chosen(t)).toEqual({ [ANA]: 'spoiled' });
		expect(t.counts[0]).toEqual({ answer: 'for', votes: 0 });
		expect(t.answering).toEqual([]);
		expect(chosen(tallyPoll(start, [response('$r', CARLA, 1, undefined)], [], rules))).toEqual({ [CARLA]: 'spoiled' });
	});

	it('truncates to max_selections before checking, counts a repeated answer once, and an empty one withdraws', () => {
		const two = { ...start, body: { ...POLL, maxSelections: 2 } };
		const t = tallyPoll(two, [response('$a', ANA, 1, ['for', 'for', 'nonsense']), response('$c', CARLA, 1, [])], [], rules);
		expect(chosen(t)).toEqual({ [ANA]: 'for', [CARLA]: '' });
		expect(t.answering).toEqual(['gt-mp']);
	});

	it('counts no one outside the network’s authorities, and no response to another poll', () => {
		const t = tallyPoll(
			start,
			[response('$x', OUTSIDER, 1, ['for']), response('$s', SECRETARIAT, 1, ['for']), response('$o', ANA, 1, ['for'], '$other')],
			[],
			rules,
		);
		expect(t.ballots).toEqual([]);
		expect(t.refused.map((r) => [r.eventId, r.reason.kind])).toEqual([
			['$s', 'not-member'],
			['$x', 'not-member'],
		]);
	});
});
