// Which homeservers federate with which: the closed-federation policy that
// every homeserver's `federation_domain_whitelist` is generated from
// (ARCHITECTURE.md, decision 6). An authority federates with the authorities
// it shares a network with, and with those a cross-network link names.
import type { AuthorityId, Roster } from './types.ts';

/** The authorities whose homeservers `authority` federates with, itself excluded, in roster order. */
export function federationPeers(roster: Roster, authority: AuthorityId): AuthorityId[] {
	const self = roster.authorities.find((a) => a.id === authority);
	if (self === undefined) return [];
	const networks = new Set(self.memberships.map((m) => m.network));
	const linked = new Set<AuthorityId>();
	for (const link of roster.crossNetworkLinks) {
		const [a, b] = link.between;
		if (a === authority) linked.add(b);
		if (b === authority) linked.add(a);
	}
	return roster.authorities
		.filter((other) => other.id !== authority)
		.filter((other) => linked.has(other.id) || other.memberships.some((m) => networks.has(m.network)))
		.map((other) => other.id);
}

/** True when the two authorities' homeservers may federate (the relation is symmetric). */
export function mayFederate(roster: Roster, a: AuthorityId, b: AuthorityId): boolean {
	return federationPeers(roster, a).includes(b);
}
