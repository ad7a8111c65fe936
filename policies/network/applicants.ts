// Who may knock on a network's space before being in it (docs/roster-updates.md):
// the roster's `applicants` of each network. An applicant's homeserver and the
// secretariat host's federate — the space lives on the host's server, and a
// knock is a request between those two servers — and with no one else: an
// applicant is not a case counterpart (federationPeers leaves it out) and sees
// no network room but the space's door. Pure.
import type { AuthorityId, Roster } from '../roster/types.ts';

/** The authorities `authority`'s homeserver federates with because of an application, in roster order. */
export function applicationPeers(roster: Roster, authority: AuthorityId): AuthorityId[] {
	const peers = new Set<AuthorityId>();
	for (const network of roster.networks) {
		const host = network.secretariatHost;
		const applicants = network.applicants ?? [];
		if (host === undefined) continue;
		if (host === authority) for (const a of applicants) peers.add(a);
		if (applicants.includes(authority)) peers.add(host);
	}
	peers.delete(authority);
	return roster.authorities.filter((a) => peers.has(a.id)).map((a) => a.id);
}
