// Matrix identifiers as branded strings (STYLE.md, 3): a raw string cannot be
// passed where a room, event or user ID is expected; it must go through one of
// the parse functions below, which follow the identifier grammar of the Matrix
// specification (Appendices, "Identifier Grammar").
import { err, ok, type Result } from '../../result.ts';

export type RoomId = string & { readonly __brand: 'RoomId' };
export type EventId = string & { readonly __brand: 'EventId' };
export type UserId = string & { readonly __brand: 'UserId' };

// NOTE: the spec caps room, event and user IDs at 255 bytes (they must fit in a
// state key). Our IDs are ASCII, so characters are bytes.
const MAX_ID_BYTES = 255;

// Printable ASCII (0x21–0x7E) minus ':' — the historical user-ID localpart
// grammar, which clients must still accept (spec: "Historical User IDs").
const LOCALPART = /^[\x21-\x39\x3B-\x7E]+$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6 = /^\[[0-9A-Fa-f:.]{2,45}\]$/;
const DNS_NAME = /^[0-9A-Za-z.-]{1,255}$/;
const OPAQUE = /^[\x21-\x7E]+$/;

/** A server name: host [":" port], host being a DNS name, IPv4 literal or bracketed IPv6 literal. */
export function isServerName(value: string): boolean {
	const match = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(value);
	if (match === null) return false;
	const host = match[1] ?? '';
	const port = match[2];
	if (port !== undefined && Number(port) > 65535) return false;
	if (IPV6.test(host)) return true;
	if (IPV4.test(host)) return host.split('.').every((octet) => Number(octet) <= 255);
	return DNS_NAME.test(host);
}

/** The server-name part of an identifier `sigil localpart ":" server_name` (split at the first colon). */
function splitServer(value: string): { readonly local: string; readonly server: string } | undefined {
	const colon = value.indexOf(':');
	if (colon < 0) return undefined;
	return { local: value.slice(1, colon), server: value.slice(colon + 1) };
}

function checkLength(kind: string, value: unknown): Result<string> {
	if (typeof value !== 'string') return err(`${kind} must be a string`);
	if (value.length === 0 || value.length > MAX_ID_BYTES) return err(`${kind} must be 1–${MAX_ID_BYTES} characters long`);
	return ok(value);
}

export function parseUserId(value: unknown): Result<UserId> {
	const checked = checkLength('a user ID', value);
	if (!checked.ok) return checked;
	const parts = checked.value.startsWith('@') ? splitServer(checked.value) : undefined;
	if (parts === undefined || !LOCALPART.test(parts.local) || !isServerName(parts.server)) {
		return err(`"${checked.value.slice(0, 80)}" is not a Matrix user ID like @ana.lopez:matrix.example.gt`);
	}
	return ok(checked.value as UserId);
}

/**
 * Room IDs: `!opaque:server` up to room version 11; from room version 12 the
 * bare `!` + hash of the create event, with no server part (MSC4291).
 */
export function parseRoomId(value: unknown): Result<RoomId> {
	const checked = checkLength('a room ID', value);
	if (!checked.ok) return checked;
	const id = checked.value;
	const parts = splitServer(id);
	const valid =
		id.startsWith('!') && OPAQUE.test(id.slice(1)) && (parts === undefined || (parts.local.length > 0 && isServerName(parts.server)));
	return valid ? ok(id as RoomId) : err(`"${id.slice(0, 80)}" is not a Matrix room ID like !abc123:matrix.example.gt`);
}

/** Event IDs: `$opaque:server` in room versions 1–2, `$` + a hash from version 3 on. */
export function parseEventId(value: unknown): Result<EventId> {
	const checked = checkLength('an event ID', value);
	if (!checked.ok) return checked;
	const id = checked.value;
	return id.startsWith('$') && id.length > 1 && OPAQUE.test(id.slice(1))
		? ok(id as EventId)
		: err(`"${id.slice(0, 80)}" is not a Matrix event ID like $Qm2Yg…`);
}

export const isUserId = (value: unknown): value is UserId => parseUserId(value).ok;
export const isRoomId = (value: unknown): value is RoomId => parseRoomId(value).ok;
export const isEventId = (value: unknown): value is EventId => parseEventId(value).ok;

/** The homeserver that allocated the account: the part after the first colon. */
export function serverNameOf(user: UserId): string {
	return user.slice(user.indexOf(':') + 1);
}
