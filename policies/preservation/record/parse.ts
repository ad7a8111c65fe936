// The validator every preservation event goes through before the fold or the
// UI uses it: raw `m.room.message` content in, a typed PreservationEvent or a
// rejection out. Shape only — whether the rule exists, the sender's side and
// the order of events are the fold's business. It never throws.
import { err, ok, type Result } from '../../result.ts';
import { parseEventId, parseRoomId } from '../../cases/ids/matrix.ts';
import { get, has, isObject, list, text, via, type JsonObject, type Read } from '../../cases/events/read.ts';
import { LIMITS } from '../../cases/vocabulary/limits.ts';
import { parseInstant } from '../instant.ts';
import type { RuleId } from '../types.ts';
import type { PreservationEvent, PreservationRejection, PreservationRejectionCode } from './types.ts';
import {
	PRESERVATION_EVENT_TYPES,
	PRESERVATION_KEY,
	PRESERVATION_LIMITS as L,
	PRESERVATION_VERSION,
	type PreservationEventType,
} from './vocabulary.ts';

const P = PRESERVATION_KEY;
const reject = (code: PreservationRejectionCode, reason: string) => err<PreservationRejection>({ code, reason });

function instant(value: unknown, path: string): Read<string> {
	if (typeof value !== 'string') return err(`${path}: must be a date-time with offset such as 2026-03-01T10:00-06:00`);
	const parsed = parseInstant(value);
	return parsed.ok ? ok(value) : err(`${path}: ${parsed.error}`);
}

function ruleId(value: unknown, path: string): Read<RuleId> {
	return typeof value === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) && value.length <= 64
		? ok(value as RuleId)
		: err(`${path}: must be a rule id such as "budapest-29"`);
}

function zone(value: unknown, path: string): Read<string> {
	return typeof value === 'string' && value.length <= 64 && /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)
		? ok(value)
		: err(`${path}: must be an IANA time zone such as "America/Guatemala"`);
}

const preservation = (p: JsonObject) => via(parseEventId, get(p, 'preservation'), `${P}.preservation`);

function requested(p: JsonObject): Read<PreservationEvent> {
	const custodian = text(get(p, 'custodian'), `${P}.custodian`, L.custodian);
	if (!custodian.ok) return custodian;
	const identifiers = list(get(p, 'identifiers'), `${P}.identifiers`, L.identifiers, (v, path) => text(v, path, L.identifier));
	if (!identifiers.ok) return identifiers;
	if (identifiers.value.length === 0) return err(`${P}.identifiers: must name at least one account or identifier`);
	const ranges = has(p, 'ranges') ? list(get(p, 'ranges'), `${P}.ranges`, L.ranges, (v, path) => text(v, path, L.range)) : ok([]);
	if (!ranges.ok) return ranges;
	const rule = ruleId(get(p, 'rule'), `${P}.rule`);
	if (!rule.ok) return rule;
	const z = has(p, 'zone') ? zone(get(p, 'zone'), `${P}.zone`) : ok(undefined);
	if (!z.ok) return z;
	const sent = instant(get(p, 'sent'), `${P}.sent`);
	if (!sent.ok) return sent;
	return ok({
		type: 'preservation-requested',
		custodian: custodian.value,
		identifiers: identifiers.value,
		ranges: ranges.value,
		rule: rule.value,
		...(z.value === undefined ? {} : { zone: z.value }),
		sent: sent.value,
	});
}

function confirmed(p: JsonObject): Read<PreservationEvent> {
	const id = preservation(p);
	if (!id.ok) return id;
	const at = instant(get(p, 'confirmedAt'), `${P}.confirmedAt`);
	return at.ok ? ok({ type: 'preservation-confirmed', preservation: id.value, confirmedAt: at.value }) : at;
}

function extended(p: JsonObject): Read<PreservationEvent> {
	const id = preservation(p);
	if (!id.ok) return id;
	const n = get(p, 'extension');
	if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1 || n > 999) return err(`${P}.extension: must be a whole number from 1`);
	return ok({ type: 'preservation-extended', preservation: id.value, extension: n });
}

function followUp(p: JsonObject): Read<PreservationEvent> {
	const id = preservation(p);
	if (!id.ok) return id;
	const room = has(p, 'room') ? via(parseRoomId, get(p, 'room'), `${P}.room`) : ok(undefined);
	if (!room.ok) return room;
	const reference = has(p, 'reference') ? text(get(p, 'reference'), `${P}.reference`, L.reference) : ok(undefined);
	if (!reference.ok) return reference;
	if (room.value === undefined && reference.value === undefined) return err(`${P}: a follow-up needs a "room" or a "reference"`);
	return ok({
		type: 'preservation-follow-up',
		preservation: id.value,
		...(room.value === undefined ? {} : { room: room.value }),
		...(reference.value === undefined ? {} : { reference: reference.value }),
	});
}

function released(p: JsonObject): Read<PreservationEvent> {
	const id = preservation(p);
	if (!id.ok) return id;
	const note = has(p, 'note') ? text(get(p, 'note'), `${P}.note`, L.note) : ok(undefined);
	if (!note.ok) return note;
	return ok({ type: 'preservation-released', preservation: id.value, ...(note.value === undefined ? {} : { note: note.value }) });
}

const PAYLOADS: Readonly<Record<PreservationEventType, (p: JsonObject) => Read<PreservationEvent>>> = {
	'preservation-requested': requested,
	'preservation-confirmed': confirmed,
	'preservation-extended': extended,
	'preservation-follow-up': followUp,
	'preservation-released': released,
};

/** True when the content carries a preservation payload at all (the rest is chat or a case event). */
export const isPreservationContent = (raw: unknown): boolean => isObject(raw) && has(raw, PRESERVATION_KEY);

function parseContent(raw: unknown): Result<PreservationEvent, PreservationRejection> {
	if (!isObject(raw) || !has(raw, P)) return reject('malformed', `the content has no "${P}" key`);
	// NOTE: ARCHITECTURE.md decision 2 — relations are readable by every homeserver.
	if (has(raw, 'm.relates_to')) return reject('relation-not-allowed', 'a preservation event must not carry "m.relates_to"');
	const msgtype = get(raw, 'msgtype');
	if (msgtype !== 'm.text' && msgtype !== 'm.notice') return reject('malformed', 'msgtype: must be "m.text" or "m.notice"');
	const body = text(get(raw, 'body'), 'body', LIMITS.body);
	if (!body.ok) return reject('malformed', body.error);
	const payload = get(raw, P);
	if (!isObject(payload)) return reject('malformed', `${P}: must be an object`);
	const v = get(payload, 'v');
	if (typeof v !== 'number') return reject('malformed', `${P}.v: must be the number ${PRESERVATION_VERSION}`);
	if (v !== PRESERVATION_VERSION)
		return reject('unsupported-version', `${P}.v: version ${String(v).slice(0, 20)} is not supported; update Rogatory`);
	const type = get(payload, 'type');
	if (typeof type !== 'string' || !(PRESERVATION_EVENT_TYPES as readonly string[]).includes(type)) {
		const shown = typeof type === 'string' ? `"${type.slice(0, 60)}"` : typeof type;
		return reject('unknown-type', `${P}.type: ${shown} is not one of ${PRESERVATION_EVENT_TYPES.join(', ')}`);
	}
	const parsed = PAYLOADS[type as PreservationEventType](payload);
	return parsed.ok ? ok(parsed.value) : reject('malformed', parsed.error);
}

/** Reads a preservation event from raw `m.room.message` content; never throws. */
export function parsePreservationEvent(raw: unknown): Result<PreservationEvent, PreservationRejection> {
	try {
		return parseContent(raw);
	} catch {
		return reject('malformed', 'the content could not be read');
	}
}
