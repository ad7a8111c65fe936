// Which networks the roster links ("networking the networks"). The roster's
// cross-network links are between authorities, not networks: a link between
// authority A and authority B makes a pair of each network A belongs to with
// each network B belongs to (member or observer), the same network excepted —
// A in REFCO linked to B in WACAP pairs REFCO with WACAP. Each pair is listed
// once, its two networks in roster order, with the links that make it; every
// authority derives the same pairs from the same roster. Pure.
import type { CrossNetworkLink, NetworkId, Roster } from '../roster/types.ts';

export interface NetworkPair {
	/** The two networks, in roster order. */
	readonly networks: readonly [NetworkId, NetworkId];
	/** The roster's links that make the pair, in roster order. */
	readonly links: readonly CrossNetworkLink[];
}

/** Every pair of networks the roster links, ordered by their first network, then their second, in roster order. */
export function networkPairs(roster: Roster): NetworkPair[] {
	const rank = new Map(roster.networks.map((n, i) => [n.id, i]));
	const networksOf = (authority: string): NetworkId[] =>
		roster.authorities
			.find((a) => a.id === authority)
			?.memberships.map((m) => m.network)
			.filter((n) => rank.has(n)) ?? [];
	const pairs = new Map<string, { networks: [NetworkId, NetworkId]; links: CrossNetworkLink[] }>();
	for (const link of roster.crossNetworkLinks) {
		for (const x of networksOf(link.between[0]))
			for (const y of networksOf(link.between[1])) {
				if (x === y) continue;
				const networks: [NetworkId, NetworkId] = (rank.get(x) ?? 0) < (rank.get(y) ?? 0) ? [x, y] : [y, x];
				const key = networks.join(' ');
				const pair = pairs.get(key) ?? { networks, links: [] };
				if (!pair.links.includes(link)) pair.links.push(link);
				pairs.set(key, pair);
			}
	}
	return [...pairs.values()].sort(
		(p, q) =>
			(rank.get(p.networks[0]) ?? 0) - (rank.get(q.networks[0]) ?? 0) || (rank.get(p.networks[1]) ?? 0) - (rank.get(q.networks[1]) ?? 0),
	);
}

/** The pair of these two networks (either order), if the roster links them. */
export function networkPair(roster: Roster, a: NetworkId, b: NetworkId): NetworkPair | undefined {
	return networkPairs(roster).find((p) => p.networks.includes(a) && p.networks.includes(b) && a !== b);
}
