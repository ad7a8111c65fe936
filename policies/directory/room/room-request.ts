// The template of a network's directory room (docs/directory.md, "The
// room"): what the keeper's bridge asks its homeserver for. Like a case room
// (policies/rooms/case-room.ts) its state carries nothing about the entries —
// no name, no topic, only encryption, who may join, the ACL and power levels;
// the entries live in encrypted timeline events. Unlike a case room it is
// joined without an invitation (join rule `public`) by whoever holds an
// account at a member authority: the server ACL, which names only the
// network's homeservers, keeps everyone else's server out (and the servers
// refuse to federate with anyone else anyway). It is not published in any
// room list: the alias is how members find it. Pure.
import { err, ok, type Result } from '../../result.ts';
import { MEGOLM, state, type StateEvent } from '../../rooms/case-room.ts';
import { partiesOnlyAcl } from '../../rooms/server-acl.ts';
import type { NetworkId } from '../../roster/types.ts';
import { directoryAliasLocalpart } from './keeper.ts';

/**
 * Room version 12 makes the creator's power permanent (MSC4289), so the room
 * outlives any person and no one can take it from the keeper. The pinned
 * Synapse (deploy/synapse/version.ts, 1.163.2) supports it since 1.135.2;
 * it is not yet Synapse's default, so it is asked for.
 * NOTE: in version 12 the creator must not appear in the power levels' `users`.
 */
export const DIRECTORY_ROOM_VERSION = '12';

/** The body of the keeper's `POST /createRoom`, as plain data. */
export interface DirectoryRoomRequest {
	readonly preset: 'public_chat';
	readonly visibility: 'private';
	readonly room_alias_name: string;
	readonly room_version: string;
	readonly invite: readonly string[];
	readonly initial_state: readonly StateEvent[];
	readonly power_level_content_override: Readonly<Record<string, unknown>>;
	readonly creation_content: Readonly<Record<string, unknown>>;
}

export interface DirectoryRoomServers {
	readonly network: NetworkId;
	/** The keeper's own homeserver name (port included, as in user IDs). */
	readonly keeperServer: string;
	/** The homeservers of the network's authorities (the keeper's included or not; it is added). */
	readonly networkServers: readonly string[];
}

/** Every state event type the room has, at power 100: only the keeper changes the room. */
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

export function directoryRoomRequest(servers: DirectoryRoomServers): Result<DirectoryRoomRequest, string> {
	const acl = partiesOnlyAcl([servers.keeperServer, ...servers.networkServers]);
	if (!acl.ok) return err(`the directory room of ${servers.network}: ${acl.error}`);
	return ok({
		preset: 'public_chat',
		// Not in the server's room list: members find the room by its alias.
		visibility: 'private',
		room_alias_name: directoryAliasLocalpart(servers.network),
		room_version: DIRECTORY_ROOM_VERSION,
		invite: [],
		creation_content: { 'm.federate': true },
		initial_state: [
			state('m.room.encryption', { algorithm: MEGOLM }),
			state('m.room.server_acl', { ...acl.value }),
			// NOTE: a member sees from their join on; earlier events were never
			// encrypted for them anyway (Megolm). Each bridge re-sends its
			// authority's entries when someone joins (docs/directory.md, "Late joiners").
			state('m.room.history_visibility', { history_visibility: 'joined' }),
			state('m.room.guest_access', { guest_access: 'forbidden' }),
			state('m.room.join_rules', { join_rule: 'public' }),
		],
		power_level_content_override: {
			// Only the keeper (the creator, whose power version 12 makes permanent)
			// changes the room; every member writes entries (the directory fold,
			// not the power levels, decides whose entries count) and may invite.
			users_default: 0,
			events_default: 0,
			state_default: 100,
			events: Object.fromEntries(STATE_AT_100.map((type) => [type, 100])),
			invite: 0,
			kick: 100,
			ban: 100,
			redact: 100,
		},
	});
}
