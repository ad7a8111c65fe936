// Polls as MSC3381 defines them (unstable prefix, what matrix-js-sdk and
// Element send), and the decision a plenary takes by one: the poll start
// carries beside the poll our own key naming the plenary, the agenda item,
// the quorum and which answer means for, against and abstain. Pure data.
// NOTE: votes are not secret. In an encrypted room the content of each
// response is encrypted, but its `m.relates_to` is not, so every homeserver
// sees who answered which poll; every member sees who answered what
// (MATRIX-NOTES.md, "Directories, spaces, plenaries"). The UI says so
// (i18n/labels.ts, VOTES_NOT_SECRET).
import type { EventId, UserId } from '../../cases/ids/matrix.ts';
import type { AuthorityId } from '../../roster/types.ts';

export const POLL_START_TYPE = 'org.matrix.msc3381.poll.start';
export const POLL_RESPONSE_TYPE = 'org.matrix.msc3381.poll.response';
export const POLL_END_TYPE = 'org.matrix.msc3381.poll.end';
/** MSC1767's unstable text block: a plain string in the unstable poll events. */
export const TEXT_KEY = 'org.matrix.msc1767.text';
export const POLL_KIND_DISCLOSED = 'org.matrix.msc3381.poll.disclosed';
export const POLL_KIND_UNDISCLOSED = 'org.matrix.msc3381.poll.undisclosed';

export interface PollAnswer {
	readonly id: string;
	readonly text: string;
}

export interface PollStart {
	readonly question: string;
	/** An unknown kind reads as undisclosed (MSC3381, "Poll kinds"). */
	readonly kind: 'disclosed' | 'undisclosed';
	readonly maxSelections: number;
	/** In the order to show them; at most 20 (MSC3381 truncates the rest). */
	readonly answers: readonly PollAnswer[];
}

/**
 * A response as read, before the poll is known: the answer IDs given, or
 * `undefined` when the answers block cannot be read — a spoiled vote, which
 * still replaces the sender's earlier one (MSC3381: "Only a user's most
 * recent vote … is accepted, even if that event is invalid").
 */
export interface PollResponse {
	readonly poll: EventId;
	readonly answers: readonly string[] | undefined;
}

export interface PollEnd {
	readonly poll: EventId;
}

export const CHOICES = ['for', 'against', 'abstain'] as const;
export type Choice = (typeof CHOICES)[number];

/** What our key on a decision poll's start says (PLENARY_VOTE_KEY). */
export interface VoteLink {
	readonly plenary: string;
	readonly item: string;
	/** The fewest distinct authorities that must answer (for, against or abstain) for the vote to count. */
	readonly quorum: number;
	/** The poll's answer ID for each choice; the poll has exactly these answers. */
	readonly answers: { readonly for: string; readonly against: string; readonly abstain?: string };
}

/** A poll event as the tally takes it: the sender from the envelope, origin_server_ts as `at`. */
export interface PollEvent<T> {
	readonly eventId: EventId;
	readonly sender: UserId;
	readonly at: number;
	readonly body: T;
}

/** One sender's counted vote: their latest response on or before the end. */
export interface Ballot {
	readonly sender: UserId;
	readonly authority: AuthorityId;
	readonly eventId: EventId;
	readonly at: number;
	/** The answer IDs chosen (max_selections kept, repeats once); empty when spoiled or withdrawn. */
	readonly answers: readonly string[];
	/** An answer the poll does not have was named, or the answers could not be read: the vote counts as none. */
	readonly spoiled: boolean;
}

export type TallyRefusal = { readonly kind: 'vote-after-end' } | { readonly kind: 'not-member' } | { readonly kind: 'may-not-end' };

export interface PollTally {
	/** The end that counts: the first valid one by origin_server_ts; absent while the poll is open. */
	readonly closed?: { readonly eventId: EventId; readonly sender: UserId; readonly at: number };
	/** One per sender, by sender. */
	readonly ballots: readonly Ballot[];
	/** Votes per answer, in the poll's answer order. */
	readonly counts: readonly { readonly answer: string; readonly votes: number }[];
	/** The authorities of the senders with a non-empty, unspoiled ballot, sorted. */
	readonly answering: readonly AuthorityId[];
	/** Earlier responses their sender's later one replaced (double votes). */
	readonly superseded: readonly EventId[];
	/** Responses and ends that do not count, with why. */
	readonly refused: readonly { readonly eventId: EventId; readonly sender: UserId; readonly reason: TallyRefusal }[];
}

export type DecisionResult = 'adopted' | 'rejected' | 'no-quorum' | 'open';

/** A ballot as a decision reads it. */
export interface DecisionBallot {
	readonly sender: UserId;
	readonly authority: AuthorityId;
	readonly eventId: EventId;
	/** undefined: spoiled, withdrawn (empty answers) or an answer outside for/against/abstain. */
	readonly choice: Choice | undefined;
}

/** A plenary decision: a poll linked to an agenda item, its attributable tally and its result. */
export interface Decision {
	/** The poll start's event ID: how minutes cite it. */
	readonly poll: EventId;
	readonly startedBy: UserId;
	readonly at: number;
	readonly link: VoteLink;
	readonly question: string;
	readonly tally: PollTally;
	/** Who chose what, by sender. */
	readonly ballots: readonly DecisionBallot[];
	readonly counts: Readonly<Record<Choice, number>>;
	/** How many distinct authorities answered (for, against or abstain), against `link.quorum`. */
	readonly answering: number;
	/**
	 * `open` until a valid end; then `no-quorum` when fewer authorities than the
	 * quorum answered, else `adopted` when more voted for than against
	 * (abstentions count for the quorum, not the majority), else `rejected`.
	 */
	readonly result: DecisionResult;
}
