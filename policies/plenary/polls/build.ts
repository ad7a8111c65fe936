// Builds the contents of the poll events a plenary vote uses, in the unstable
// MSC3381 format matrix-js-sdk and Element read: a decision poll's start
// (one answer, disclosed: votes are not secret anyway, so the running count
// is shown), a member's response and the secretariat's end. The start
// carries our link (PLENARY_VOTE_KEY); what buildDecisionPoll returns always
// passes parsePollStart and parseVoteLink.
import { err, ok, type Result } from '../../result.ts';
import type { EventId } from '../../cases/ids/matrix.ts';
import { PLENARY_VERSION, PLENARY_VOTE_KEY } from '../events/namespace.ts';
import { parsePollStart, parseVoteLink } from './parse.ts';
import { POLL_END_TYPE, POLL_KIND_DISCLOSED, POLL_RESPONSE_TYPE, POLL_START_TYPE, TEXT_KEY, type Choice } from './types.ts';

export interface DecisionPollInput {
	readonly plenary: string;
	readonly item: string;
	readonly quorum: number;
	readonly question: string;
	/** The answers' texts, in the language of the question; `abstain` left out for a vote without abstention. */
	readonly answers: Readonly<Record<'for' | 'against', string>> & { readonly abstain?: string };
}

/** The content of the `org.matrix.msc3381.poll.start` event of a decision; the answer IDs are the choices themselves. */
export function buildDecisionPoll(input: DecisionPollInput): Result<Record<string, unknown>, string> {
	const choices: Choice[] = input.answers.abstain === undefined ? ['for', 'against'] : ['for', 'against', 'abstain'];
	const answers = choices.map((choice) => ({ id: choice, [TEXT_KEY]: input.answers[choice] ?? choice }));
	const content = {
		// NOTE: the fallback a client without polls shows: the question and the numbered answers (MSC3381's example).
		[TEXT_KEY]: [input.question, ...answers.map((a, i) => `${i + 1}. ${a[TEXT_KEY]}`)].join('\n'),
		[POLL_START_TYPE]: { kind: POLL_KIND_DISCLOSED, max_selections: 1, question: { [TEXT_KEY]: input.question }, answers },
		[PLENARY_VOTE_KEY]: {
			version: PLENARY_VERSION,
			plenary: input.plenary,
			item: input.item,
			quorum: input.quorum,
			answers: Object.fromEntries(choices.map((choice) => [choice, choice])),
		},
	};
	const poll = parsePollStart(content);
	if (!poll.ok) return poll;
	const link = parseVoteLink(content, poll.value);
	return link.ok ? ok(content) : err(link.error);
}

const reference = (poll: EventId) => ({ rel_type: 'm.reference', event_id: poll });

/** The content of an `org.matrix.msc3381.poll.response`: the answer IDs chosen (none: withdraws the vote). */
export const buildPollResponse = (poll: EventId, answers: readonly string[]): Record<string, unknown> => ({
	'm.relates_to': reference(poll),
	[POLL_RESPONSE_TYPE]: { answers: [...answers] },
});

/** The content of an `org.matrix.msc3381.poll.end`, with the text a client without polls shows. */
export const buildPollEnd = (poll: EventId, text: string): Record<string, unknown> => ({
	'm.relates_to': reference(poll),
	[TEXT_KEY]: text,
	[POLL_END_TYPE]: {},
});
