// Where this bridge stands in each of its networks' directory rooms
// (docs/directory.md, "The room"): for every network its authority belongs
// to, whether it is the keeper (and so creates the room) or a member (and so
// joins it), the alias, the keeper's server and the servers the room's ACL
// admits. Server names come from the same server → authority map the bridge
// uses for invitations (the roster's homeservers in production, the local
// federation's addresses in development: bridge/bot/config.ts serverMap).
// Pure.
import { directoryAlias, directoryKeeper, networkAuthorities, networksOf } from '../../policies/directory/index.ts';
import { bridgeUserId } from '../../policies/roster/bridge.ts';
import type { AuthorityId, NetworkId, Roster } from '../../policies/roster/types.ts';

export interface DirectoryPlace {
	readonly network: NetworkId;
	readonly keeper: AuthorityId;
	/** This bridge's authority is the keeper: it creates the room. */
	readonly keeps: boolean;
	readonly keeperServer: string;
	/** `#rogatory-directory-<network>:<keeper's server>`. */
	readonly alias: string;
	/** The homeservers of the network's authorities (the room's ACL). */
	readonly networkServers: readonly string[];
	/** The bridges of those homeservers (the 24/7 room's keeper invites them). */
	readonly networkBridges: readonly string[];
}

export interface PlanInput {
	readonly roster: Roster;
	readonly authority: AuthorityId;
	/** Server name (as in user IDs) → authority. */
	readonly servers: ReadonlyMap<string, AuthorityId>;
	/** Server name → its bridge's user ID where it is not `@rogatory-bridge:<server>` (bridge/bot/config.ts bridgeMap). */
	readonly bridges?: ReadonlyMap<string, string>;
}

/** The places, and why a network has none (no keeper, or no known server for it). */
export function directoryPlan(input: PlanInput): { places: DirectoryPlace[]; skipped: string[] } {
	const places: DirectoryPlace[] = [];
	const skipped: string[] = [];
	const serversOf = (authority: AuthorityId): string[] => [...input.servers].filter(([, a]) => a === authority).map(([server]) => server);
	for (const network of networksOf(input.roster, input.authority)) {
		const keeper = directoryKeeper(input.roster, network);
		if (keeper === undefined) {
			skipped.push(`${network} has no member authority with a homeserver to keep its directory room`);
			continue;
		}
		const keeperServer = serversOf(keeper)[0];
		if (keeperServer === undefined) {
			skipped.push(`the server of ${keeper}, keeper of the ${network} directory room, is not known to this bridge`);
			continue;
		}
		const networkServers = networkAuthorities(input.roster, network).flatMap(serversOf);
		places.push({
			network,
			keeper,
			keeps: keeper === input.authority,
			keeperServer,
			alias: directoryAlias(network, keeperServer),
			networkServers,
			networkBridges: networkServers.map((server) => input.bridges?.get(server) ?? bridgeUserId(server)),
		});
	}
	return { places, skipped };
}
