// Where a network's secretariat lives in Matrix, for every reader: the member
// authority the roster names as its host (`secretariats[].hosted_by`,
// Network.secretariatHost), that authority's homeserver, and the service
// account on it that creates the network's rooms. A bridge finds its keeper's
// account here; every client finds the network's rooms (their aliases are on
// this server) and knows which creator to trust for their markers
// (marker.ts). Pure.
import type { AuthorityId, NetworkId, Roster } from '../roster/types.ts';
import { secretariatServiceAccount, serversOf, type ServerNames } from './members.ts';

export interface NetworkSecretariat {
	readonly network: NetworkId;
	/** The member authority whose homeserver holds the service account. */
	readonly authority: AuthorityId;
	/** That homeserver's server name (as in user IDs). */
	readonly server: string;
	/** `@rogatory-secretariat-<network>:<server>`, the creator of the network's rooms. */
	readonly serviceAccount: string;
}

/** The network's secretariat; undefined when the roster names no host, or the host has no server in `names`. */
export function networkSecretariat(roster: Roster, network: NetworkId, names: ServerNames = {}): NetworkSecretariat | undefined {
	const authority = roster.networks.find((n) => n.id === network)?.secretariatHost;
	if (authority === undefined) return undefined;
	const server = serversOf(names, roster, authority)[0];
	if (server === undefined) return undefined;
	return { network, authority, server, serviceAccount: secretariatServiceAccount(network, server) };
}

/** The networks whose secretariat this authority's homeserver hosts, in roster order. */
export function hostedSecretariats(roster: Roster, authority: AuthorityId): NetworkId[] {
	return roster.networks.filter((n) => n.secretariatHost === authority).map((n) => n.id);
}
