// The template of a network's 24/7 room (docs/directory.md, "Contact details
// for 24/7 points only"): a second encrypted room, beside the directory room,
// that carries only `contact` events — the phone and e-mail of people who keep
// them for the network's 24/7 focal points. Its members are those points and
// the bridges, nobody else: join rule `invite`, so no one joins by alias
// uninvited. The keeper's bridge creates it (the same keeper as the directory
// room) and invites every bridge of the network; each bridge invites its own
// authority's 24/7 focal points, from its people file, and takes out those
// who no longer are, so the bridges hold power 50 to invite and kick. Like the
// directory room its state says nothing about anyone: no name, no topic, an
// ACL naming only the network's homeservers. Pure.
import { err, ok, type Result } from '../../result.ts';
import { MEGOLM, state } from '../../rooms/case-room.ts';
import { partiesOnlyAcl } from '../../rooms/server-acl.ts';
import { serverNameOf } from '../../cases/ids/matrix.ts';
import type { AuthorityId, NetworkId, Person } from '../../roster/types.ts';
import { directoryAliasLocalpart } from './keeper.ts';
import { DIRECTORY_ROOM_VERSION, type DirectoryRoomRequest, type DirectoryRoomServers } from './room-request.ts';

/** The power a bridge holds in the 24/7 room: enough to invite and to take out, not to change the room. */
export const POINTS_ROOM_BRIDGE_POWER = 50;

/** The alias's localpart: `rogatory-directory-refco-24-7` for REFCO. It names the network, nothing else. */
export function pointsAliasLocalpart(network: NetworkId): string {
	return `${directoryAliasLocalpart(network)}-24-7`;
}

/** The full alias on the keeper's server: `#rogatory-directory-refco-24-7:matrix.fgr.sv`. */
export function pointsAlias(network: NetworkId, keeperServer: string): string {
	return `#${pointsAliasLocalpart(network)}:${keeperServer}`;
}

/** The localparts of the authority's 24/7 focal points (people-file role `focal-point-24-7`), lower case, once each, sorted. */
export function points247Of(people: readonly Person[], authority: AuthorityId): string[] {
	const points = people
		.filter((p) => p.authority === authority && p.roles.includes('focal-point-24-7'))
		.map((p) => p.localpart.toLowerCase());
	return [...new Set(points)].sort();
}

const STATE_AT_100 = [
	'm.room.server_acl',
	'm.room.encryption',
	'm.room.power_levels',
	'm.room.join_rules',
	'm.room.history_visibility',
	'm.room.guest_access',
	'm.room.name',
	'm.room.topic',
	'm.room.avatar',
	'm.room.canonical_alias',
	'm.room.tombstone',
];

/**
 * `bridges`: the user IDs of the network's other bridges, which the keeper
 * invites and which hold power to invite (the keeper's own, the creator, is
 * dropped: room version 12 makes its power permanent and keeps it out of `users`).
 */
export function pointsRoomRequest(servers: DirectoryRoomServers, bridges: readonly string[]): Result<PointsRoomRequest, string> {
	const all = [servers.keeperServer, ...servers.networkServers];
	const acl = partiesOnlyAcl(all);
	if (!acl.ok) return err(`the 24/7 room of ${servers.network}: ${acl.error}`);
	const others = [...new Set(bridges.filter((b) => serverNameOf(b) !== servers.keeperServer))].sort();
	return ok({
		preset: 'private_chat',
		visibility: 'private',
		room_alias_name: pointsAliasLocalpart(servers.network),
		room_version: DIRECTORY_ROOM_VERSION,
		// NOTE: the bridges are invited one by one after the room exists
		// (bridge/matrix/points-presence.ts): an invitation that fails here
		// (a bridge account not registered yet) would fail the whole creation.
		invite: [],
		creation_content: { 'm.federate': true },
		initial_state: [
			state('m.room.encryption', { algorithm: MEGOLM }),
			state('m.room.server_acl', { ...acl.value }),
			// NOTE: as in the directory room, a member reads from their join on;
			// each bridge re-sends its authority's contact details when someone joins.
			state('m.room.history_visibility', { history_visibility: 'joined' }),
			state('m.room.guest_access', { guest_access: 'forbidden' }),
			state('m.room.join_rules', { join_rule: 'invite' }),
		],
		power_level_content_override: {
			users: Object.fromEntries(others.map((b) => [b, POINTS_ROOM_BRIDGE_POWER])),
			users_default: 0,
			events_default: 0,
			state_default: 100,
			events: Object.fromEntries(STATE_AT_100.map((type) => [type, 100])),
			invite: POINTS_ROOM_BRIDGE_POWER,
			kick: POINTS_ROOM_BRIDGE_POWER,
			ban: 100,
			redact: 100,
		},
	});
}

/** The body of the keeper's `POST /createRoom` for the 24/7 room. */
export interface PointsRoomRequest extends Omit<DirectoryRoomRequest, 'preset'> {
	readonly preset: 'private_chat';
}
