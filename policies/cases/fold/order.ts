// The first steps of the fold: check each envelope, parse its content, drop
// ordinary chat messages, collapse repeated deliveries of one event, and sort
// what is left by a total order that does not depend on arrival — origin
// timestamp, then event ID.
// NOTE: event IDs are compared by UTF-16 code units, never localeCompare,
// whose result depends on the machine's locale.
import { parseEventId, parseUserId, type EventId, type UserId } from '../ids/matrix.ts';
import { isObject, get } from '../events/read.ts';
import { parseCaseEvent } from '../events/parse.ts';
import type { RejectionCode } from '../events/rejection.ts';
import type { CaseEvent } from '../events/types.ts';
import type { RejectedEvent } from './types.ts';

export interface Parsed<E extends CaseEvent = CaseEvent> {
	readonly eventId: EventId;
	readonly sender: UserId;
	readonly at: number;
	readonly event: E;
}

type Outcome =
	| { readonly kind: 'parsed'; readonly parsed: Parsed }
	| { readonly kind: 'rejected'; readonly rejected: RejectedEvent }
	| { readonly kind: 'chat' };

export function compareStamps(
	a: { readonly at: number; readonly eventId: string },
	b: { readonly at: number; readonly eventId: string },
): number {
	if (a.at !== b.at) return a.at < b.at ? -1 : 1;
	return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/** A total order on refusals, so the record's list is the same for any arrival order. */
export function compareRejected(a: RejectedEvent, b: RejectedEvent): number {
	const byStamp = compareStamps(a, b);
	if (byStamp !== 0) return byStamp;
	const key = (r: RejectedEvent) => `${r.code}\u0000${r.sender}\u0000${r.reason}`;
	return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

const shown = (value: unknown) => (typeof value === 'string' ? value.slice(0, 255) : '');

export function rejected(eventId: string, sender: string, at: number, code: RejectionCode, reason: string): RejectedEvent {
	return { eventId, sender, at, code, reason };
}

function readEnvelope(envelope: unknown): Outcome {
	if (!isObject(envelope)) return { kind: 'rejected', rejected: rejected('', '', 0, 'invalid-envelope', 'the envelope is not an object') };
	const rawId = get(envelope, 'eventId');
	const rawSender = get(envelope, 'sender');
	const rawTs = get(envelope, 'originServerTs');
	const at = typeof rawTs === 'number' && Number.isSafeInteger(rawTs) && rawTs >= 0 ? rawTs : 0;
	const fail = (reason: string): Outcome => ({
		kind: 'rejected',
		rejected: rejected(shown(rawId), shown(rawSender), at, 'invalid-envelope', reason),
	});
	const eventId = parseEventId(rawId);
	if (!eventId.ok) return fail(`eventId: ${eventId.error}`);
	const sender = parseUserId(rawSender);
	if (!sender.ok) return fail(`sender: ${sender.error}`);
	if (at !== rawTs) return fail('originServerTs: must be a whole number of milliseconds since 1970');
	const event = parseCaseEvent(get(envelope, 'content'));
	if (event.ok) return { kind: 'parsed', parsed: { eventId: eventId.value, sender: sender.value, at, event: event.value } };
	if (event.error.code === 'not-a-case-event') return { kind: 'chat' };
	return { kind: 'rejected', rejected: rejected(eventId.value, sender.value, at, event.error.code, event.error.reason) };
}

function fingerprint(outcome: Outcome): string {
	// Parsed events are plain data built in a fixed key order, so JSON is a faithful fingerprint.
	if (outcome.kind === 'parsed') return JSON.stringify([outcome.parsed.sender, outcome.parsed.at, outcome.parsed.event]);
	if (outcome.kind === 'rejected')
		return JSON.stringify([outcome.rejected.sender, outcome.rejected.at, outcome.rejected.code, outcome.rejected.reason]);
	return 'chat';
}

const stampOf = (outcome: Outcome): number =>
	outcome.kind === 'parsed' ? outcome.parsed.at : outcome.kind === 'rejected' ? outcome.rejected.at : Infinity;

/** Case events sorted by (originServerTs, eventId), and the envelopes refused on the way. */
export function prepare(envelopes: readonly unknown[]): { readonly events: Parsed[]; readonly rejected: RejectedEvent[] } {
	const byId = new Map<string, Outcome[]>();
	const refused: RejectedEvent[] = [];
	for (const envelope of envelopes) {
		const outcome = readEnvelope(envelope);
		if (outcome.kind === 'rejected' && outcome.rejected.code === 'invalid-envelope') {
			refused.push(outcome.rejected);
			continue;
		}
		// Valid envelope from here: an object with a valid event ID.
		const id = shown(get(envelope as Record<string, unknown>, 'eventId'));
		const group = byId.get(id);
		if (group === undefined) byId.set(id, [outcome]);
		else group.push(outcome);
	}
	const events: Parsed[] = [];
	for (const [id, outcomes] of byId) {
		const first = outcomes[0];
		const distinct = outcomes.length === 1 ? 1 : new Set(outcomes.map(fingerprint)).size;
		if (distinct > 1) {
			const at = outcomes.reduce((min, o) => Math.min(min, stampOf(o)), Infinity);
			refused.push(rejected(id, '', Number.isFinite(at) ? at : 0, 'duplicate-event-id', `${distinct} different events share the ID ${id}`));
		} else if (first?.kind === 'parsed') events.push(first.parsed);
		else if (first?.kind === 'rejected') refused.push(first.rejected);
	}
	return { events: events.sort(compareStamps), rejected: refused };
}
