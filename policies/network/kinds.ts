// What each room of a network is, and the names a homeserver can read for it
// (docs/network-rooms.md). Everything here is server-readable — the alias and
// the kind marker in the room's create event — so it names the network(s) and
// the kind of room, never anything about a case, a person or a working group's
// subject: a working group is a number, its name is written in an encrypted
// event. Rooms have no `m.room.name`: each reader's client labels a room from
// its kind, in the reader's own language, after checking who created it
// (marker.ts). Pure.
import type { AuthorityId, NetworkId } from '../roster/types.ts';

/** The rooms of a network's space, in the order the space lists them. */
export const NETWORK_CHILD_KINDS = ['announcements', 'plenary', 'library', 'working-group'] as const;
export type NetworkChildKind = (typeof NETWORK_CHILD_KINDS)[number];
export type NetworkRoomKind = 'space' | NetworkChildKind;
/** The two rooms of a pair of networks the roster links. */
export type JointRoomKind = 'joint-space' | 'joint-channel';
/**
 * The room where one authority's bridge reports to its network's secretariat
 * (witnessed register heads and statistics, docs/secretariat-reports.md): one
 * per authority, outside the space, invitation only.
 */
export type ReportsRoomKind = 'reports';
export type RoomKind = NetworkRoomKind | JointRoomKind | ReportsRoomKind;
export const ROOM_KINDS: readonly RoomKind[] = ['space', ...NETWORK_CHILD_KINDS, 'joint-space', 'joint-channel', 'reports'];

/**
 * Who sends timeline events in a room of this kind. `members`: everyone in it
 * (talk, attendance, poll votes). `secretariat`: its staff and service account
 * only — a space is a list of rooms, not a chat; the announcements room and the
 * library are what the secretariat publishes. `bridge`: the one authority's
 * bridge the reports room is for.
 * NOTE: in an encrypted room every message, reaction and poll response reaches
 * the server as `m.room.encrypted`, so power levels cannot let members react
 * to an announcement yet not write one: members send nothing there, reactions
 * included, and answer in the plenary channel.
 */
export const WHO_POSTS: Readonly<Record<RoomKind, 'members' | 'secretariat' | 'bridge'>> = {
	space: 'secretariat',
	announcements: 'secretariat',
	plenary: 'members',
	library: 'secretariat',
	'working-group': 'members',
	'joint-space': 'secretariat',
	'joint-channel': 'members',
	// The one authority's bridge; the staff only read (reports.ts).
	reports: 'bridge',
};

export const isSpaceKind = (kind: RoomKind): boolean => kind === 'space' || kind === 'joint-space';

/** The largest working-group number: four digits keep the space's order strings sortable. */
export const MAX_WORKING_GROUP = 9999;

export const isWorkingGroupNumber = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= MAX_WORKING_GROUP;

/**
 * A network room's alias localpart: `rogatory-refco-plenary`,
 * `rogatory-refco-working-group-2`. A network ID is an upper-case code
 * (roster file), so no two networks' aliases meet.
 */
export function networkAliasLocalpart(network: NetworkId, kind: NetworkRoomKind, workingGroup?: number): string {
	const base = `rogatory-${network.toLowerCase()}-${kind}`;
	return kind === 'working-group' ? `${base}-${workingGroup ?? 0}` : base;
}

/** A joint room's alias localpart, the pair in roster order: `rogatory-refco-wacap-space`, `rogatory-refco-wacap-channel`. */
export function jointAliasLocalpart(pair: readonly [NetworkId, NetworkId], kind: JointRoomKind): string {
	return `rogatory-${pair[0].toLowerCase()}-${pair[1].toLowerCase()}-${kind === 'joint-space' ? 'space' : 'channel'}`;
}

/**
 * An authority's reports room's alias localpart: `rogatory-refco-reports-gt-mp`.
 * It names the network and the authority (both in the roster, neither about a
 * case); an authority ID is lower case, digits and dashes, as an alias allows.
 */
export function reportsAliasLocalpart(network: NetworkId, authority: AuthorityId): string {
	return `rogatory-${network.toLowerCase()}-reports-${authority}`;
}

/** A full alias on the server that created the room: `#rogatory-refco-plenary:matrix.example.org`. */
export const aliasOn = (localpart: string, server: string): string => `#${localpart}:${server}`;
