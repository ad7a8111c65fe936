// What a decision poll decided: its tally read through the poll's link
// (which answer is for, against, abstain) and its quorum, counted in
// distinct authorities, not people — a network decides country by country,
// and ten votes from one authority make no quorum. Pure.
import {
	CHOICES,
	type Choice,
	type Decision,
	type DecisionResult,
	type PollEvent,
	type PollStart,
	type PollTally,
	type VoteLink,
} from './types.ts';

function choiceOf(link: VoteLink, answers: readonly string[]): Choice | undefined {
	const [only] = answers;
	return CHOICES.find((choice) => only !== undefined && link.answers[choice] === only);
}

function resultOf(tally: PollTally, link: VoteLink, counts: Readonly<Record<Choice, number>>, answering: number): DecisionResult {
	if (tally.closed === undefined) return 'open';
	if (answering < link.quorum) return 'no-quorum';
	return counts.for > counts.against ? 'adopted' : 'rejected';
}

/** The decision `start` took, given its link and its tally (tallyPoll). */
export function decide(start: PollEvent<PollStart>, link: VoteLink, tally: PollTally): Decision {
	const ballots = tally.ballots.map((b) => ({
		sender: b.sender,
		authority: b.authority,
		eventId: b.eventId,
		choice: choiceOf(link, b.answers),
	}));
	const counts = { for: 0, against: 0, abstain: 0 };
	for (const b of ballots) if (b.choice !== undefined) counts[b.choice] += 1;
	const answering = new Set(ballots.filter((b) => b.choice !== undefined).map((b) => b.authority)).size;
	return {
		poll: start.eventId,
		startedBy: start.sender,
		at: start.at,
		link,
		question: start.body.question,
		tally,
		ballots,
		counts,
		answering,
		result: resultOf(tally, link, counts, answering),
	};
}
