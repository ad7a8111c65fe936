// The first step of the plenary fold: each arrival's envelope checked, one
// copy of each event ID kept (two different events under one ID are both
// refused), what is not about plenaries (chat, ordinary polls, other events)
// dropped without a word, the trust rule applied to the rest, and their
// contents parsed. The result is sorted by origin_server_ts then event ID, so
// nothing downstream depends on the order of arrival.
import { err, ok, type Result } from '../../result.ts';
import { isObject } from '../../cases/events/read.ts';
import { compareStamps } from '../../cases/fold/order.ts';
import { parseEventId, parseUserId } from '../../cases/ids/matrix.ts';
import type { TrustVerdict } from '../../trust/verdict.ts';
import { PLENARY_VOTE_KEY } from '../events/namespace.ts';
import { isPlenaryContent, parsePlenaryContent } from '../events/parse.ts';
import { parsePollEnd, parsePollResponse, parsePollStart, parseVoteLink } from '../polls/parse.ts';
import {
	POLL_END_TYPE,
	POLL_RESPONSE_TYPE,
	POLL_START_TYPE,
	type PollEnd,
	type PollEvent,
	type PollResponse,
	type PollStart,
	type VoteLink,
} from '../polls/types.ts';
import type { PlenaryArrival, PlenaryIgnoredReason, PlenaryPayload } from '../types.ts';

export type Admitted =
	| ({ readonly kind: 'payload' } & PollEvent<PlenaryPayload>)
	| ({ readonly kind: 'poll'; readonly link: VoteLink } & PollEvent<PollStart>)
	| ({ readonly kind: 'response'; readonly verdict: TrustVerdict } & PollEvent<PollResponse>)
	| ({ readonly kind: 'end'; readonly verdict: TrustVerdict } & PollEvent<PollEnd>);

export interface Ignore {
	(event: { readonly eventId: string; readonly sender: string }, reason: PlenaryIgnoredReason): void;
}

/** What makes two copies the same event; undefined when the content cannot be serialised (then no copy is known to be the same). */
function fingerprint(a: PlenaryArrival): string | undefined {
	try {
		return JSON.stringify([a.sender, a.type, a.originServerTs, a.content]);
	} catch {
		return undefined;
	}
}

function sameEvent(copies: readonly PlenaryArrival[]): boolean {
	if (copies.length === 1) return true;
	const prints = copies.map(fingerprint);
	return prints.every((p) => p !== undefined && p === prints[0]);
}

/** The arrivals once each; an event ID carried by different events is refused. */
function distinct(arrivals: readonly PlenaryArrival[], ignore: Ignore): PlenaryArrival[] {
	const byId = new Map<string, PlenaryArrival[]>();
	for (const a of arrivals) byId.set(a.eventId, [...(byId.get(a.eventId) ?? []), a]);
	const kept: PlenaryArrival[] = [];
	for (const [eventId, copies] of byId) {
		const first = copies[0];
		if (first === undefined) continue;
		if (sameEvent(copies)) kept.push(first);
		else ignore({ eventId, sender: copies.every((c) => c.sender === first.sender) ? first.sender : '' }, { kind: 'duplicate-event-id' });
	}
	return kept;
}

type Stamp = Omit<PollEvent<unknown>, 'body'>;

/** The envelope's event ID, sender and timestamp, checked; or what is wrong with them. */
function envelope(a: PlenaryArrival): Result<Stamp, string> {
	const eventId = parseEventId(a.eventId);
	if (!eventId.ok) return err(`eventId: ${eventId.error}`);
	const sender = parseUserId(a.sender);
	if (!sender.ok) return err(`sender: ${sender.error}`);
	if (!Number.isSafeInteger(a.originServerTs) || a.originServerTs < 0)
		return err('originServerTs: must be a whole number of milliseconds since 1970');
	return ok({ eventId: eventId.value, sender: sender.value, at: a.originServerTs });
}

/** Whether the event is about plenaries at all: everything else in the room is none of the fold's business. */
function concerns(a: PlenaryArrival): boolean {
	if (a.type === 'm.room.message') return isPlenaryContent(a.content);
	if (a.type === POLL_START_TYPE) {
		try {
			return isObject(a.content) && Object.hasOwn(a.content, PLENARY_VOTE_KEY);
		} catch {
			return true; // NOTE: a hostile object: refused below with a reason.
		}
	}
	return a.type === POLL_RESPONSE_TYPE || a.type === POLL_END_TYPE;
}

/** The event as the fold reads it, or a reason not to take it; undefined: nothing to say (a response to no poll). */
function admit(a: PlenaryArrival, stamp: Stamp): Admitted | PlenaryIgnoredReason | undefined {
	if (a.type === POLL_RESPONSE_TYPE) {
		const response = parsePollResponse(a.content);
		// NOTE: a response that names no poll is no one's vote; whose poll it was cannot be told, so it is not listed.
		return response.ok ? { kind: 'response', verdict: a.verdict, ...stamp, body: response.value } : undefined;
	}
	if (a.type === POLL_END_TYPE) {
		const end = parsePollEnd(a.content);
		return end.ok ? { kind: 'end', verdict: a.verdict, ...stamp, body: end.value } : undefined;
	}
	// Responses and ends wait for their poll to be known before the trust rule is applied (fold.ts).
	if (!a.verdict.counts) return { kind: 'untrusted', code: a.verdict.code };
	if (a.type === POLL_START_TYPE) {
		const poll = parsePollStart(a.content);
		if (!poll.ok) return { kind: 'malformed', detail: poll.error };
		const link = parseVoteLink(a.content, poll.value);
		if (!link.ok) return { kind: 'malformed', detail: link.error };
		return link.value === undefined ? undefined : { kind: 'poll', link: link.value, ...stamp, body: poll.value };
	}
	const payload = parsePlenaryContent(a.content);
	return payload.ok ? { kind: 'payload', ...stamp, body: payload.value } : { kind: 'malformed', detail: payload.error };
}

const isAdmitted = (x: Admitted | PlenaryIgnoredReason): x is Admitted =>
	x.kind === 'payload' || x.kind === 'poll' || x.kind === 'response' || x.kind === 'end';

/** The arrivals the fold goes on with, sorted by (origin_server_ts, event ID); the others reported to `ignore`. */
export function admitArrivals(arrivals: readonly PlenaryArrival[], ignore: Ignore): Admitted[] {
	const admitted: Admitted[] = [];
	for (const a of distinct(arrivals, ignore)) {
		if (!concerns(a)) continue;
		const stamp = envelope(a);
		const item = stamp.ok ? admit(a, stamp.value) : ({ kind: 'malformed', detail: stamp.error } as const);
		if (item === undefined) continue;
		if (isAdmitted(item)) admitted.push(item);
		else ignore(a, item);
	}
	return admitted.sort(compareStamps);
}
