// The reports rooms a network's secretariat keeps: one per authority of the
// network, where that authority's bridge alone posts its register's witnessed
// head and its statistics (docs/secretariat-reports.md, "The reports rooms").
// One room per authority, not one per network: in a shared room every bridge
// — and every administrator who holds its keys — would read the other
// authorities' counts, which are for the secretariat only; and a room with one
// poster cannot be flooded or spoken for by another authority's bridge.
// Each room is invitation only (not `restricted` to the space, not listed in
// it: members neither find nor join it), encrypted, behind an ACL naming only
// the secretariat's server, the authority's and its staff's. Its members: the
// service account (creator), the authority's bridge (posts, at 25), the
// secretariat's staff (read, at 0). Nobody redacts: a witnessed head removed
// would be a witness lost, so redaction needs 100 (only the creator). Pure.
import { err, ok, type Result } from '../result.ts';
import { partiesOnlyAcl } from '../rooms/server-acl.ts';
import { serviceRoomRequest, type ServiceRoomPower } from '../rooms/service-room.ts';
import { bridgeUserId } from '../roster/bridge.ts';
import type { AuthorityId, NetworkId, Roster } from '../roster/types.ts';
import { networkAuthorities } from '../directory/room/keeper.ts';
import { aliasOn, reportsAliasLocalpart } from './kinds.ts';
import { ROOM_MARKER_KEY, roomMarker } from './marker.ts';
import { NETWORK_BRIDGE_POWER, secretariatServiceAccount, secretariatStaff, serversOf, type ServerNames } from './members.ts';
import type { NetworkRoomRequest } from './template.ts';

export interface PlannedReportsRoom {
	readonly authority: AuthorityId;
	/** On the secretariat's server: `#rogatory-refco-reports-gt-mp:…`. */
	readonly alias: string;
	/** The authority's bridge: the room's one poster. */
	readonly bridge: string;
	/** Whom the keeper invites: the bridge, then the secretariat's staff. */
	readonly invite: readonly string[];
	readonly request: NetworkRoomRequest;
}

/** Only the bridge posts; only the creator invites, removes, redacts or changes the room. */
export function reportsRoomPower(bridge: string): ServiceRoomPower {
	return {
		users: { [bridge]: NETWORK_BRIDGE_POWER },
		events_default: NETWORK_BRIDGE_POWER,
		invite: 100,
		kick: 100,
		ban: 100,
		redact: 100,
		// NOTE: `redact` is the power to redact others' events; redacting one's own is sending an
		// m.room.redaction, which this keeps from the bridge too (a rewritten register's bridge
		// would otherwise take back the heads it sent).
		events: { 'm.room.redaction': 100 },
	};
}

const serverOfUser = (user: string): string => user.slice(user.indexOf(':') + 1);

/** A reports room per authority of the network (members and observers) with a homeserver, in roster order. */
export function reportsRoomsPlan(
	roster: Roster,
	network: NetworkId,
	secretariatServer: string,
	names: ServerNames = {},
): Result<PlannedReportsRoom[], string> {
	const creator = secretariatServiceAccount(network, secretariatServer);
	const staff = secretariatStaff(roster, network, names);
	const rooms: PlannedReportsRoom[] = [];
	for (const authority of networkAuthorities(roster, network)) {
		const servers = serversOf(names, roster, authority);
		const server = servers[0];
		if (server === undefined) continue;
		const bridge = names.bridges?.get(server) ?? bridgeUserId(server);
		const acl = partiesOnlyAcl([secretariatServer, ...servers, ...staff.map(serverOfUser)]);
		if (!acl.ok) return err(`the ${network} reports room of ${authority}: ${acl.error}`);
		const localpart = reportsAliasLocalpart(network, authority);
		rooms.push({
			authority,
			alias: aliasOn(localpart, secretariatServer),
			bridge,
			invite: [bridge, ...staff.filter((s) => s !== bridge)],
			request: serviceRoomRequest({
				preset: 'private_chat',
				aliasLocalpart: localpart,
				acl: acl.value,
				joinRule: { join_rule: 'invite' },
				historyVisibility: 'shared',
				power: reportsRoomPower(bridge),
				creator,
				creation: { [ROOM_MARKER_KEY]: roomMarker('reports', [network], undefined, authority) },
			}),
		});
	}
	return ok(rooms);
}
