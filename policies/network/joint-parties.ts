// Who takes part in the joint rooms of a pair of networks (docs/network-rooms.md,
// "Pairs of networks"): the authorities the roster's cross-network links name
// for the pair, and the two networks' secretariat hosts — not every member of
// both networks. Decision 6 (ARCHITECTURE.md) federates an authority with its
// networks and the authorities a link names; a room's servers must all
// federate with each other, so a joint room of all members of both networks
// would be split between servers that refuse each other. These parties are
// the pair's cooperating authorities, and every one of them federates with
// every other (`jointFederationPeers`, added to the homeservers' allowlists by
// deploy/). Pure.
import type { AuthorityId, NetworkId, Roster } from '../roster/types.ts';
import { federationPeers } from '../roster/federation.ts';
import { applicationPeers } from './applicants.ts';
import { networkPairs, type NetworkPair } from './pairs.ts';

/** The pair's parties, in roster order: the linked authorities and the secretariat hosts of its two networks. */
export function jointParties(roster: Roster, pair: NetworkPair): AuthorityId[] {
	const hosts = new Set<AuthorityId>(
		pair.networks.flatMap((n: NetworkId) => roster.networks.find((x) => x.id === n)?.secretariatHost ?? []),
	);
	const linked = new Set<AuthorityId>(pair.links.flatMap((l) => [...l.between]));
	return roster.authorities.filter((a) => hosts.has(a.id) || linked.has(a.id)).map((a) => a.id);
}

/** The authorities `authority` must federate with for the joint rooms it takes part in, itself excluded, in roster order. */
export function jointFederationPeers(roster: Roster, authority: AuthorityId): AuthorityId[] {
	const peers = new Set<AuthorityId>();
	for (const pair of networkPairs(roster)) {
		const parties = jointParties(roster, pair);
		if (parties.includes(authority)) for (const p of parties) if (p !== authority) peers.add(p);
	}
	return roster.authorities.filter((a) => peers.has(a.id)).map((a) => a.id);
}

/**
 * Every authority whose homeserver `authority`'s federates with: its case
 * peers (decision 6), its joint rooms' parties and, for a secretariat host and
 * an applicant, each other (applicants.ts), in roster order.
 */
export function homeserverPeers(roster: Roster, authority: AuthorityId): AuthorityId[] {
	const peers = new Set([
		...federationPeers(roster, authority),
		...jointFederationPeers(roster, authority),
		...applicationPeers(roster, authority),
	]);
	return roster.authorities.filter((a) => peers.has(a.id)).map((a) => a.id);
}
