// Matrix identifiers as branded strings (STYLE.md, 3): a raw string cannot be
// passed where a room, event or user ID is expected; it must go through one of
// the parse functions below, which follow the identifier grammar of the Matrix
// specification (Appendices, "Identifier Grammar").
import { err, ok, type Result } from '../../result.ts';
import { isServerName } from './server-name.ts';

export { isServerName };

export type RoomId = string & { readonly __brand: 'RoomId' };
export type EventId = string & { readonly __brand: 'EventId' };
export type UserId = string & { readonly __brand: 'UserId' };

// NOTE: the spec caps room, event and user IDs at 255 bytes (they must fit in a
// state key). Our IDs are ASCII, so characters are bytes.
const MAX_ID_BYTES = 255;

// Printable ASCII (0x21–0x7E) minus ':' — the historical user-ID localpart
// grammar, which clients must still accept (spec: "Historical User IDs").
const LOCALPART = /^[\x21-\x39\x3B-\x7E]+$/;
const OPAQUE = /^[\x21-\x7E]+$/;

/** A user ID's localpart, historical grammar included. */
export const isLocalpart = (value: string): boolean => LOCALPART.test(value);

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
		return err(`"${checked.value.slice(0, 80)}" is not a Matrix user ID like @maria.silva:matrix.example.org`);
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

/**
 * The server name of a user ID — the homeserver that allocated the account:
 * everything after the first colon, so a port and an IPv6 literal's colons
 * stay in it ("@a:[2001:db8::1]:8448" → "[2001:db8::1]:8448"). Takes the
 * plain strings the SDK hands out too; "" for a string with no colon.
 */
export function serverNameOf(user: string): string {
	const colon = user.indexOf(':');
	return colon < 0 ? '' : user.slice(colon + 1);
}

/** The localpart of a user ID, as written: between the "@" and the first colon. */
export function localpartOf(user: string): string {
	const colon = user.indexOf(':');
	return user.slice(user.startsWith('@') ? 1 : 0, colon < 0 ? undefined : colon);
}
