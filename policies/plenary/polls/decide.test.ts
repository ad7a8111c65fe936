// A decision's result: the quorum in distinct authorities, then the majority.
import { describe, expect, it } from 'vitest';
import type { EventId, UserId } from '../../cases/ids/matrix.ts';
import type { AuthorityId } from '../../roster/types.ts';
import { at, SECRETARIAT } from '../testing/fixtures.ts';
import { decide } from './decide.ts';
import type { Ballot, PollEvent, PollStart, PollTally, VoteLink } from './types.ts';

const POLL: PollStart = {
	question: 'Approve the guide?',
	kind: 'disclosed',
	maxSelections: 1,
	answers: ['for', 'against', 'abstain'].map((id) => ({ id, text: id })),
};
const start: PollEvent<PollStart> = { eventId: '$start' as EventId, sender: SECRETARIAT as UserId, at: at(0), body: POLL };
const link: VoteLink = { plenary: 'p', item: 'guide', quorum: 2, answers: { for: 'for', against: 'against', abstain: 'abstain' } };

const ballot = (sender: string, authority: string, answers: string[]): Ballot => ({
	sender: sender as UserId,
	authority: authority as AuthorityId,
	eventId: `$${sender.slice(1, 4)}` as EventId,
	at: at(1),
	answers,
	spoiled: false,
});
const tally = (ballots: Ballot[], closed = true): PollTally => ({
	...(closed ? { closed: { eventId: '$end' as EventId, sender: SECRETARIAT as UserId, at: at(10) } } : {}),
	ballots,
	counts: [],
	answering: [],
	superseded: [],
	refused: [],
});

describe('decide', () => {
	it('is open until a valid end', () => {
		expect(decide(start, link, tally([ballot('@a:x', 'gt-mp', ['for'])], false)).result).toBe('open');
	});

	it('has no quorum when too few distinct authorities answered, however many people did', () => {
		const d = decide(
			start,
			link,
			tally([ballot('@a:x', 'gt-mp', ['for']), ballot('@b:x', 'gt-mp', ['for']), ballot('@c:x', 'gt-mp', ['for'])]),
		);
		expect([d.result, d.answering, d.counts.for]).toEqual(['no-quorum', 1, 3]);
	});

	it('counts abstentions for the quorum, not for the majority', () => {
		const d = decide(start, link, tally([ballot('@a:x', 'gt-mp', ['for']), ballot('@b:y', 'sv-fgr', ['abstain'])]));
		expect([d.result, d.answering, d.counts]).toEqual(['adopted', 2, { for: 1, against: 0, abstain: 1 }]);
	});

	it('rejects on a tie or a majority against', () => {
		expect(decide(start, link, tally([ballot('@a:x', 'gt-mp', ['for']), ballot('@b:y', 'sv-fgr', ['against'])])).result).toBe('rejected');
		expect(decide(start, link, tally([ballot('@a:x', 'gt-mp', ['against']), ballot('@b:y', 'sv-fgr', ['against'])])).result).toBe(
			'rejected',
		);
	});

	it('gives no choice to a withdrawn or spoiled ballot, and does not count it for the quorum', () => {
		const d = decide(start, link, tally([ballot('@a:x', 'gt-mp', ['for']), ballot('@b:y', 'sv-fgr', [])]));
		expect(d.ballots.map((b) => b.choice)).toEqual(['for', undefined]);
		expect([d.result, d.answering]).toEqual(['no-quorum', 1]);
	});
});
