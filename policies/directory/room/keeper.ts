// Who keeps a network's directory room, and the alias it is found by
// (docs/directory.md, "The room"). The keeper is a service account so that
// the room outlives any person: the bridge of the network's first member
// authority that has a homeserver, in roster order. Every member derives the
// same keeper from the same roster, so all of them look for the room at the
// same alias on the same server. Pure.
// NOTE: issue 13 moves the keeper to the secretariat's own service account
// once secretariats run homeservers.
import type { AuthorityId, NetworkId, Roster } from '../../roster/types.ts';

/** The network's first member authority (status `member`, not observer) with a homeserver, in roster order. */
export function directoryKeeper(roster: Roster, network: NetworkId): AuthorityId | undefined {
	return roster.authorities.find((a) => a.homeserver !== '' && a.memberships.some((m) => m.network === network && m.status === 'member'))
		?.id;
}

/** The alias's localpart: `rogatory-directory-refco` for REFCO. It names the network, nothing else. */
export function directoryAliasLocalpart(network: NetworkId): string {
	return `rogatory-directory-${network.toLowerCase()}`;
}

/** The full alias on the keeper's server (server name as in user IDs, port included): `#rogatory-directory-refco:matrix.mp.gt`. */
export function directoryAlias(network: NetworkId, keeperServer: string): string {
	return `#${directoryAliasLocalpart(network)}:${keeperServer}`;
}

/** The authorities of the network (members and observers) that have a homeserver, in roster order: whose servers the room admits. */
export function networkAuthorities(roster: Roster, network: NetworkId): AuthorityId[] {
	return roster.authorities.filter((a) => a.homeserver !== '' && a.memberships.some((m) => m.network === network)).map((a) => a.id);
}

/** The networks `authority` belongs to (member or observer), in its memberships' order. */
export function networksOf(roster: Roster, authority: AuthorityId): NetworkId[] {
	return roster.authorities.find((a) => a.id === authority)?.memberships.map((m) => m.network) ?? [];
}
