// The count of one poll, as MSC3381 says clients count it: the first valid
// end by origin_server_ts closes it, and only votes stamped on or before that
// end count ("as if they never happened" otherwise); an end from anyone but
// the poll's creator or those allowed to end it is ignored; each sender's
// most recent response counts, even an invalid one (a spoiled vote, which
// counts as no answer); the answers are truncated to max_selections, an
// unknown answer spoils the vote, a repeated one counts once. Our rules on
// top: a vote counts only from an account of a network authority, and ties
// between equal timestamps go to the greater event ID, so every reader counts
// the same. The tally is attributable: each ballot names its sender. Pure.
import { compareStamps } from '../../cases/fold/order.ts';
import type { EventId, UserId } from '../../cases/ids/matrix.ts';
import type { AuthorityId } from '../../roster/types.ts';
import type { Ballot, PollEnd, PollEvent, PollResponse, PollStart, PollTally, TallyRefusal } from './types.ts';

export interface TallyRules {
	/** The authority whose homeserver allocated `sender`, among the network's; undefined for anyone else. */
	readonly authorityOf: (sender: UserId) => AuthorityId | undefined;
	/** Who may end the poll besides its creator (MSC3381 says: those who may redact; here: the secretariat). */
	readonly mayEnd: (sender: UserId) => boolean;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function ballotOf(poll: PollStart, response: PollEvent<PollResponse>, authority: AuthorityId): Ballot {
	const base = { sender: response.sender, authority, eventId: response.eventId, at: response.at };
	const given = response.body.answers;
	const known = new Set(poll.answers.map((a) => a.id));
	const kept = given?.slice(0, poll.maxSelections);
	if (kept === undefined || !kept.every((id) => known.has(id))) return { ...base, answers: [], spoiled: true };
	return { ...base, answers: [...new Set(kept)], spoiled: false };
}

/** Counts `start`'s poll from the responses and ends that reference it (others are left out). */
export function tallyPoll(
	start: PollEvent<PollStart>,
	responses: readonly PollEvent<PollResponse>[],
	ends: readonly PollEvent<PollEnd>[],
	rules: TallyRules,
): PollTally {
	const refused: { eventId: EventId; sender: UserId; reason: TallyRefusal }[] = [];
	const refuse = (e: PollEvent<unknown>, kind: TallyRefusal['kind']) =>
		refused.push({ eventId: e.eventId, sender: e.sender, reason: { kind } });

	let closed: PollTally['closed'];
	for (const end of ends.filter((e) => e.body.poll === start.eventId).sort(compareStamps)) {
		if (end.sender !== start.sender && !rules.mayEnd(end.sender)) refuse(end, 'may-not-end');
		// NOTE: MSC3381: "Repeated end events are ignored - only the first (valid) closure event … is counted."
		else closed ??= { eventId: end.eventId, sender: end.sender, at: end.at };
	}

	const latest = new Map<UserId, { response: PollEvent<PollResponse>; authority: AuthorityId }>();
	const superseded: EventId[] = [];
	for (const response of responses.filter((r) => r.body.poll === start.eventId).sort(compareStamps)) {
		const authority = rules.authorityOf(response.sender);
		if (authority === undefined) refuse(response, 'not-member');
		// NOTE: MSC3381: "only votes sent on or before that timestamp are considered, even if those votes are from before the start event".
		else if (closed !== undefined && response.at > closed.at) refuse(response, 'vote-after-end');
		else {
			const held = latest.get(response.sender);
			if (held !== undefined) superseded.push(held.response.eventId);
			latest.set(response.sender, { response, authority });
		}
	}

	const ballots = [...latest.values()]
		.map(({ response, authority }) => ballotOf(start.body, response, authority))
		.sort((a, b) => byCodeUnits(a.sender, b.sender));
	const counts = start.body.answers.map((a) => ({ answer: a.id, votes: ballots.filter((b) => b.answers.includes(a.id)).length }));
	const answering = [...new Set(ballots.filter((b) => b.answers.length > 0).map((b) => b.authority))].sort(byCodeUnits);
	return {
		...(closed === undefined ? {} : { closed }),
		ballots,
		counts,
		answering,
		superseded: superseded.sort(byCodeUnits),
		refused: refused.sort((a, b) => byCodeUnits(a.eventId, b.eventId)),
	};
}
