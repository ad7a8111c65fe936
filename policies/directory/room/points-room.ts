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
// ACL naming only the network's homeservers. Built from the one template of
// rooms kept by a service account (policies/rooms/service-room.ts). Pure.
import { err, ok, type Result } from '../../result.ts';
import { partiesOnlyAcl } from '../../rooms/server-acl.ts';
import { serviceRoomRequest, type ServiceRoomRequest } from '../../rooms/service-room.ts';
import { serverNameOf } from '../../cases/ids/matrix.ts';
import type { AuthorityId, NetworkId, Person } from '../../roster/types.ts';
import { directoryAliasLocalpart } from './keeper.ts';
import type { DirectoryRoomServers } from './room-request.ts';

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
	return ok(
		serviceRoomRequest({
			preset: 'private_chat',
			aliasLocalpart: pointsAliasLocalpart(servers.network),
			acl: acl.value,
			// NOTE: as in the directory room, a member reads from their join on;
			// each bridge re-sends its authority's contact details when someone joins.
			historyVisibility: 'joined',
			joinRule: { join_rule: 'invite' },
			power: {
				users: Object.fromEntries(others.map((b) => [b, POINTS_ROOM_BRIDGE_POWER])),
				events_default: 0,
				invite: POINTS_ROOM_BRIDGE_POWER,
				kick: POINTS_ROOM_BRIDGE_POWER,
				ban: 100,
				redact: 100,
			},
		}),
	);
}

/** The body of the keeper's `POST /createRoom` for the 24/7 room. */
export type PointsRoomRequest = ServiceRoomRequest<'private_chat'>;
