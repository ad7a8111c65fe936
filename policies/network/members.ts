// Who is who in a network's rooms: the secretariat's service account (the
// creator, whose power room version 12 makes permanent, so the rooms outlive
// any person), its staff, the member authorities' bridges and the homeservers
// the rooms admit. Server names come from a server → authority map, as for the
// directory rooms (bridge/directory/plan.ts): the roster's homeservers in
// production (serversFromRoster), a test federation's addresses elsewhere.
// Pure.
import { serversFromRoster } from '../cases/fold/parties.ts';
import { networkAuthorities } from '../directory/room/keeper.ts';
import { bridgeUserId } from '../roster/bridge.ts';
import type { AuthorityId, NetworkId, Roster } from '../roster/types.ts';

/** Where the authorities' accounts live. */
export interface ServerNames {
	/** Server name (as in user IDs) → authority; the roster's homeservers when absent. */
	readonly servers?: ReadonlyMap<string, AuthorityId>;
	/** Server name → its bridge's user ID where it is not `@rogatory-bridge:<server>` (a test federation's). */
	readonly bridges?: ReadonlyMap<string, string>;
}

/** The service account's localpart prefix; one account per network, so one server may host several secretariats. */
export const SECRETARIAT_SERVICE_PREFIX = 'rogatory-secretariat';

/** The network's service account on its secretariat's server: `@rogatory-secretariat-refco:matrix.refco.example`. */
export function secretariatServiceAccount(network: NetworkId, secretariatServer: string): string {
	return `@${SECRETARIAT_SERVICE_PREFIX}-${network.toLowerCase()}:${secretariatServer}`;
}

/**
 * The power a member authority's bridge holds: enough to invite (its own
 * people into the space; and a restricted join needs a resident server with a
 * user who may invite, so each bridge in a room lets its server vouch for
 * joins when the secretariat's server is down), not to post where only the
 * secretariat posts, nor to take anyone out.
 */
export const NETWORK_BRIDGE_POWER = 25;

/** The power of the secretariat's staff: post announcements, pin the minutes, take people out; not change the room (100). */
export const SECRETARIAT_STAFF_POWER = 50;

/** The server names of an authority, in the map's order. */
export function serversOf(names: ServerNames, roster: Roster, authority: AuthorityId): string[] {
	const servers = names.servers ?? serversFromRoster(roster);
	return [...servers].filter(([, a]) => a === authority).map(([server]) => server);
}

/** The homeservers of the network's authorities (members and observers), in roster order, once each. */
export function networkServers(roster: Roster, network: NetworkId, names: ServerNames = {}): string[] {
	return [...new Set(networkAuthorities(roster, network).flatMap((a) => serversOf(names, roster, a)))];
}

/** The secretariat's staff accounts (people with the role `secretariat` for this network), on their authority's server, sorted. */
export function secretariatStaff(roster: Roster, network: NetworkId, names: ServerNames = {}): string[] {
	const staff = roster.people.flatMap((p) => {
		const server = serversOf(names, roster, p.authority)[0];
		return p.secretariatOf === network && p.roles.includes('secretariat') && server !== undefined
			? [`@${p.localpart.toLowerCase()}:${server}`]
			: [];
	});
	return [...new Set(staff)].sort();
}

/** The `users` of a network room's power levels: the bridges, then the staff over them (a staff account is never lowered). */
export function networkPowerUsers(roster: Roster, networks: readonly NetworkId[], names: ServerNames = {}): Record<string, number> {
	const users: Record<string, number> = {};
	for (const network of networks)
		for (const server of networkServers(roster, network, names))
			users[names.bridges?.get(server) ?? bridgeUserId(server)] = NETWORK_BRIDGE_POWER;
	for (const network of networks) for (const person of secretariatStaff(roster, network, names)) users[person] = SECRETARIAT_STAFF_POWER;
	return users;
}
