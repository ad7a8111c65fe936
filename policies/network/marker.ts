// The kind marker a network room carries in its create event
// (`creation_content`), so that a client can label the room in the reader's
// language without a server-readable name (kinds.ts). The create event is
// immutable and travels with the room, unlike an alias, which a server admin
// may remove or point elsewhere. Anyone can create a room with the same marker,
// so a marker counts only when the room's creator is the service account the
// reader expects (the network's secretariat's). Pure.
import { parseAuthorityId } from '../cases/ids/codes.ts';
import { err, ok, type Result } from '../result.ts';
import type { AuthorityId, NetworkId } from '../roster/types.ts';
import { isWorkingGroupNumber, ROOM_KINDS, type RoomKind } from './kinds.ts';

/** The `creation_content` key of the marker (ARCHITECTURE.md, decision 3: one namespace). */
export const ROOM_MARKER_KEY = 'org.rogatory.room';
export const ROOM_MARKER_VERSION = 1;

export interface RoomMarker {
	readonly version: typeof ROOM_MARKER_VERSION;
	readonly kind: RoomKind;
	/** One network, or the two of a joint room in roster order. */
	readonly networks: readonly NetworkId[];
	/** Working groups only: the number, not the name. */
	readonly workingGroup?: number;
	/** Reports rooms only: the authority whose bridge reports there. */
	readonly authority?: AuthorityId;
}

export function roomMarker(kind: RoomKind, networks: readonly NetworkId[], workingGroup?: number, authority?: AuthorityId): RoomMarker {
	return {
		version: ROOM_MARKER_VERSION,
		kind,
		networks: [...networks],
		...(workingGroup === undefined ? {} : { workingGroup }),
		...(authority === undefined ? {} : { authority }),
	};
}

/** The parts of an `m.room.create` event the marker is read from. */
export interface CreateEvent {
	readonly sender: string;
	readonly content: unknown;
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The marker of a room, if its creator is one of `creators` (the service
 * accounts the reader trusts for it) and the marker is well formed; otherwise
 * why not, for the log.
 */
export function roomMarkerOf(create: CreateEvent, creators: readonly string[]): Result<RoomMarker, string> {
	if (!creators.includes(create.sender)) return err(`created by ${create.sender}, not by a secretariat's service account`);
	const marker = isRecord(create.content) ? create.content[ROOM_MARKER_KEY] : undefined;
	if (!isRecord(marker)) return err('no Rogatory room marker');
	if (marker['version'] !== ROOM_MARKER_VERSION) return err(`marker version ${String(marker['version'])} is not ${ROOM_MARKER_VERSION}`);
	const kind = ROOM_KINDS.find((k) => k === marker['kind']);
	if (kind === undefined) return err(`unknown room kind ${JSON.stringify(marker['kind'])}`);
	const networks = marker['networks'];
	const expected = kind.startsWith('joint-') ? 2 : 1;
	if (!Array.isArray(networks) || networks.length !== expected || !networks.every((n) => typeof n === 'string'))
		return err(`a ${kind} marker names ${expected} network(s)`);
	const raw = marker['workingGroup'];
	const number = typeof raw === 'number' && isWorkingGroupNumber(raw) ? raw : undefined;
	if (raw !== undefined && number === undefined) return err('a malformed working-group number');
	if ((kind === 'working-group') !== (number !== undefined)) return err('only a working group, and every one, has a number');
	const given = marker['authority'];
	const authority = given === undefined ? undefined : parseAuthorityId(given);
	if (authority !== undefined && !authority.ok) return err(`a malformed authority: ${authority.error}`);
	if ((kind === 'reports') !== (authority !== undefined)) return err('only a reports room, and every one, names an authority');
	return ok(roomMarker(kind, networks as NetworkId[], number, authority?.value));
}
