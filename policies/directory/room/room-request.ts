// The template of a network's directory room (docs/directory.md, "The
// room"): what the keeper's bridge asks its homeserver for. Like a case room
// (policies/rooms/case-room.ts) its state carries nothing about the entries —
// no name, no topic, only encryption, who may join, the ACL and power levels;
// the entries live in encrypted timeline events. Unlike a case room it is
// joined without an invitation (join rule `public`) by whoever holds an
// account at a member authority: the server ACL, which names only the
// network's homeservers, keeps everyone else's server out (and the servers
// refuse to federate with anyone else anyway). It is not published in any
// room list: the alias is how members find it. Built from the one template
// of rooms kept by a service account (policies/rooms/service-room.ts). Pure.
import { err, ok, type Result } from '../../result.ts';
import { partiesOnlyAcl } from '../../rooms/server-acl.ts';
import { SERVICE_ROOM_VERSION, serviceRoomRequest, type ServiceRoomRequest } from '../../rooms/service-room.ts';
import type { NetworkId } from '../../roster/types.ts';
import { directoryAliasLocalpart } from './keeper.ts';

/** Room version 12, as every service room (policies/rooms/service-room.ts): the keeper's power is permanent. */
export const DIRECTORY_ROOM_VERSION = SERVICE_ROOM_VERSION;

/** The body of the keeper's `POST /createRoom`, as plain data. */
export type DirectoryRoomRequest = ServiceRoomRequest<'public_chat'>;

export interface DirectoryRoomServers {
	readonly network: NetworkId;
	/** The keeper's own homeserver name (port included, as in user IDs). */
	readonly keeperServer: string;
	/** The homeservers of the network's authorities (the keeper's included or not; it is added). */
	readonly networkServers: readonly string[];
}

export function directoryRoomRequest(servers: DirectoryRoomServers): Result<DirectoryRoomRequest, string> {
	const acl = partiesOnlyAcl([servers.keeperServer, ...servers.networkServers]);
	if (!acl.ok) return err(`the directory room of ${servers.network}: ${acl.error}`);
	return ok(
		serviceRoomRequest({
			preset: 'public_chat',
			aliasLocalpart: directoryAliasLocalpart(servers.network),
			acl: acl.value,
			// NOTE: a member sees from their join on; earlier events were never
			// encrypted for them anyway (Megolm). Each bridge re-sends its
			// authority's entries when someone joins (docs/directory.md, "Late joiners").
			historyVisibility: 'joined',
			joinRule: { join_rule: 'public' },
			// Only the keeper (the creator, whose power version 12 makes permanent)
			// changes the room; every member writes entries (the directory fold,
			// not the power levels, decides whose entries count) and may invite.
			power: { events_default: 0, invite: 0, kick: 100, ban: 100, redact: 100 },
		}),
	);
}
