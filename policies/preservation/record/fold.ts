// The fold of a case room's preservation events into preservation records:
// deterministic (the same records for any arrival order and repeated
// deliveries), never throwing, and every event it does not use is listed in
// `rejected` with a code and a readable reason — the same contract as the case
// fold (docs/case-events.md, sections 6 and 8).
// Requests are taken first, then the other events in (timestamp, event ID)
// order, so a confirmation stamped before its request by a skewed clock still
// finds it.
import { parseEventId, parseUserId, type EventId, type RoomId, type UserId } from '../../cases/ids/matrix.ts';
import { get, isObject } from '../../cases/events/read.ts';
import { sideOf, type Parties } from '../../cases/fold/parties.ts';
import type { AuthorityId } from '../../roster/types.ts';
import type { Side } from '../../cases/vocabulary/request.ts';
import { computeDeadline } from '../deadline.ts';
import { parseInstant } from '../instant.ts';
import { BUILT_IN_RULES } from '../rules.ts';
import { resolveZone } from '../zone.ts';
import type { PreservationRule } from '../types.ts';
import { isPreservationContent, parsePreservationEvent } from './parse.ts';
import type {
	PreservationEvent,
	PreservationFold,
	PreservationRecord,
	PreservationRejectionCode,
	PreservationRequested,
	PreservationStamp,
	RejectedPreservationEvent,
} from './types.ts';
import { SENT_BY } from './vocabulary.ts';

export interface PreservationEnvelope {
	readonly eventId: string;
	readonly sender: string;
	readonly originServerTs: number;
	readonly content: unknown;
}

export interface PreservationContext {
	readonly room: RoomId;
	/** The case's parties from the case fold; undefined while the case has no valid opening. */
	readonly parties: Parties | undefined;
	/** Server name → authority, as for the case fold. */
	readonly servers: ReadonlyMap<string, AuthorityId>;
	/** The rule table in use; the built-in rules when left out. */
	readonly rules?: readonly PreservationRule[];
}

interface Parsed {
	readonly eventId: EventId;
	readonly sender: UserId;
	readonly at: number;
	readonly event: PreservationEvent;
	readonly fingerprint: string;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Draft = Mutable<Omit<PreservationRecord, 'status' | 'deadline' | 'extensionsLeft'>> & {
	extensions: PreservationStamp[];
	max: number | null;
};

const compare = (a: { at: number; eventId: string }, b: { at: number; eventId: string }) =>
	a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;

function compareRejected(a: RejectedPreservationEvent, b: RejectedPreservationEvent): number {
	const byStamp = compare(a, b);
	if (byStamp !== 0) return byStamp;
	const key = (r: RejectedPreservationEvent) => `${r.code}\u0000${r.sender}\u0000${r.reason}`;
	return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

const shown = (value: unknown) => (typeof value === 'string' ? value.slice(0, 255) : '');

function fingerprint(value: unknown): string {
	try {
		return JSON.stringify(value) ?? '';
	} catch {
		return '';
	}
}

/** Checks envelopes, parses, drops chat and case events, collapses repeated deliveries. */
function prepare(events: readonly unknown[], refused: RejectedPreservationEvent[]): Parsed[] {
	const byId = new Map<string, Parsed[]>();
	for (const envelope of events) {
		if (!isObject(envelope) || !isPreservationContent(get(envelope, 'content'))) continue;
		const rawTs = get(envelope, 'originServerTs');
		const at = typeof rawTs === 'number' && Number.isSafeInteger(rawTs) && rawTs >= 0 ? rawTs : -1;
		const eventId = parseEventId(get(envelope, 'eventId'));
		const sender = parseUserId(get(envelope, 'sender'));
		const base = { eventId: shown(get(envelope, 'eventId')), sender: shown(get(envelope, 'sender')), at: Math.max(at, 0) };
		if (!eventId.ok || !sender.ok || at < 0) {
			const why = !eventId.ok
				? `eventId: ${eventId.error}`
				: !sender.ok
					? `sender: ${sender.error}`
					: 'originServerTs: must be a whole number ≥ 0';
			refused.push({ ...base, code: 'invalid-envelope', reason: why });
			continue;
		}
		const parsed = parsePreservationEvent(get(envelope, 'content'));
		if (!parsed.ok) {
			refused.push({ ...base, ...parsed.error });
			continue;
		}
		const entry = {
			eventId: eventId.value,
			sender: sender.value,
			at,
			event: parsed.value,
			fingerprint: fingerprint([sender.value, at, parsed.value]),
		};
		const same = byId.get(eventId.value) ?? [];
		if (!same.some((p) => p.fingerprint === entry.fingerprint)) same.push(entry);
		byId.set(eventId.value, same);
	}
	const kept: Parsed[] = [];
	for (const [id, same] of byId) {
		if (same.length === 1 && same[0] !== undefined) kept.push(same[0]);
		else
			for (const p of same)
				refused.push({
					eventId: id,
					sender: p.sender,
					at: p.at,
					code: 'duplicate-event-id',
					reason: `two different events share the ID ${id}`,
				});
	}
	return kept.sort(compare);
}

function open(
	p: Parsed,
	e: PreservationRequested,
	side: Side,
	context: PreservationContext,
): Draft | { code: PreservationRejectionCode; reason: string } {
	const rules = context.rules ?? BUILT_IN_RULES;
	const rule = rules.find((r) => r.id === e.rule);
	if (rule === undefined) return { code: 'unknown-rule', reason: `rule "${e.rule}" is not in this client's rule table` };
	const zoneName = e.zone ?? rule.zone.default;
	if (zoneName === null)
		return { code: 'zone-required', reason: `rule ${rule.id} counts in the time zone of ${rule.zone.law}: the request must name it` };
	const zone = resolveZone(zoneName);
	if (!zone.ok) return { code: 'unknown-zone', reason: `zone: ${zone.error}` };
	return {
		id: p.eventId,
		room: context.room,
		requested: { eventId: p.eventId, by: p.sender, side, at: p.at },
		custodian: e.custodian,
		identifiers: e.identifiers,
		ranges: e.ranges,
		rule: rule.id,
		citation: `${rule.instrument} ${rule.citation}`,
		zone: zone.value,
		sent: e.sent,
		extensions: [],
		max: rule.extension === null ? 0 : rule.extension.max,
	};
}

type Outcome = { code: PreservationRejectionCode; reason: string } | undefined;

/** How far a confirmation's date may lie after its own event, for clocks that are a little off. */
const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * A confirmation dates the start of the legal period, so a wrong date moves
 * the expiry: it may not lie after the confirmation event itself was sent (a
 * date in the future). NOTE: one before the request's `sent` is allowed: the
 * request is often recorded here after a 24/7 call that had the data
 * preserved already.
 */
function confirmationProblem(confirmedAt: string, stamp: PreservationStamp): Outcome {
	const at = parseInstant(confirmedAt);
	if (!at.ok) return { code: 'malformed', reason: `confirmedAt: ${at.error}` };
	if (at.value > stamp.at + CLOCK_SKEW_MS)
		return { code: 'confirmed-in-future', reason: `confirmedAt ${confirmedAt} is later than the confirmation itself was sent` };
	return undefined;
}

function apply(draft: Draft, p: Parsed, stamp: PreservationStamp, context: PreservationContext): Outcome {
	const e = p.event;
	if (draft.released !== undefined)
		return { code: 'released', reason: `preservation ${draft.id} was released by ${draft.released.eventId}` };
	switch (e.type) {
		case 'preservation-requested':
			return undefined;
		case 'preservation-confirmed':
			if (draft.confirmed !== undefined)
				return { code: 'already-confirmed', reason: `preservation ${draft.id} was confirmed by ${draft.confirmed.eventId}` };
			return confirmationProblem(e.confirmedAt, stamp) ?? ((draft.confirmed = { ...stamp, confirmedAt: e.confirmedAt }), undefined);
		case 'preservation-extended': {
			if (draft.confirmed === undefined)
				return { code: 'not-confirmed', reason: `preservation ${draft.id} is not confirmed yet: there is no period to extend` };
			const next = draft.extensions.length + 1;
			if (draft.max !== null && next > draft.max)
				return {
					code: 'extension-not-allowed',
					reason: `rule ${draft.rule} allows ${draft.max === 0 ? 'no extension' : draft.max === 1 ? 'one extension' : `${draft.max} extensions`}`,
				};
			if (e.extension !== next) return { code: 'wrong-extension-number', reason: `this would be extension ${next}, not ${e.extension}` };
			draft.extensions.push(stamp);
			return undefined;
		}
		case 'preservation-follow-up':
			if (draft.followUp !== undefined)
				return { code: 'already-followed-up', reason: `the follow-up was recorded by ${draft.followUp.eventId}` };
			if (e.room === context.room) return { code: 'self-link', reason: 'the follow-up MLA request is a different case room than this one' };
			draft.followUp = {
				...stamp,
				...(e.room === undefined ? {} : { room: e.room }),
				...(e.reference === undefined ? {} : { reference: e.reference }),
			};
			return undefined;
		case 'preservation-released':
			draft.released = { ...stamp, ...(e.note === undefined ? {} : { note: e.note }) };
			return undefined;
	}
}

function finish(draft: Draft): PreservationRecord {
	const { max, ...rest } = draft;
	const status =
		draft.released !== undefined
			? 'released'
			: draft.followUp !== undefined
				? 'follow-up-sent'
				: draft.extensions.length > 0
					? 'extended'
					: draft.confirmed !== undefined
						? 'confirmed'
						: 'requested';
	const extensionsLeft = max === null ? null : max - draft.extensions.length;
	return { ...rest, extensions: [...draft.extensions], extensionsLeft, status };
}

/** The preservation records of a case room, from its events (chat and case events among them are skipped). */
export function foldPreservations(events: readonly unknown[], context: PreservationContext): PreservationFold {
	const refused: RejectedPreservationEvent[] = [];
	const parsed = prepare(events, refused);
	const refuse = (p: Parsed, code: PreservationRejectionCode, reason: string) =>
		refused.push({ eventId: p.eventId, sender: p.sender, at: p.at, code, reason });
	const parties = context.parties;
	if (parties === undefined) {
		for (const p of parsed) refuse(p, 'no-case', 'the case room has no valid opening (yet)');
		return { records: [], rejected: refused.sort(compareRejected) };
	}
	const drafts = new Map<string, Draft>();
	const ordered = [
		...parsed.filter((p) => p.event.type === 'preservation-requested'),
		...parsed.filter((p) => p.event.type !== 'preservation-requested'),
	];
	for (const p of ordered) {
		const side = sideOf(p.sender, parties, context.servers);
		if (side === undefined) {
			refuse(p, 'not-a-party', `${p.sender} does not act for either authority of this case`);
			continue;
		}
		if (SENT_BY[p.event.type] !== side) {
			refuse(p, 'wrong-side', `only the ${SENT_BY[p.event.type]} side may send ${p.event.type}`);
			continue;
		}
		const stamp = { eventId: p.eventId, by: p.sender, side, at: p.at };
		if (p.event.type === 'preservation-requested') {
			const made = open(p, p.event, side, context);
			if ('code' in made) refuse(p, made.code, made.reason);
			else drafts.set(p.eventId, made);
			continue;
		}
		const draft = drafts.get(p.event.preservation);
		if (draft === undefined) {
			refuse(p, 'unknown-preservation', `no preservation request ${p.event.preservation} in this room`);
			continue;
		}
		const outcome = apply(draft, p, stamp, context);
		if (outcome !== undefined) refuse(p, outcome.code, outcome.reason);
	}
	const rules = context.rules ?? BUILT_IN_RULES;
	const records = [...drafts.values()].map((draft) => withDeadline(finish(draft), rules));
	return {
		records: records.sort((a, b) => compare({ at: a.requested.at, eventId: a.id }, { at: b.requested.at, eventId: b.id })),
		rejected: refused.sort(compareRejected),
	};
}

function withDeadline(record: PreservationRecord, rules: readonly PreservationRule[]): PreservationRecord {
	const rule = rules.find((r) => r.id === record.rule);
	if (record.confirmed === undefined || rule === undefined) return record;
	const deadline = computeDeadline({ rule, start: record.confirmed.confirmedAt, extensions: record.extensions.length, zone: record.zone });
	return deadline.ok ? { ...record, deadline: deadline.value } : record;
}
