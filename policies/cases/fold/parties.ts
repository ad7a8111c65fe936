// Which side of a case a sender speaks for. A user speaks for the authority
// whose homeserver allocated their account: the server name in the user ID,
// looked up in the context's server → authority map.
// NOTE: this trusts homeservers, not individual users: any account on the
// requested authority's homeserver acts for the requested side. That mirrors
// how authorities run their own servers (ARCHITECTURE.md, "Components").
import type { AuthorityId, Roster } from '../../roster/types.ts';
import { serverNameOf, type UserId } from '../ids/matrix.ts';
import type { Side } from '../vocabulary/request.ts';

export interface Parties {
	readonly requesting: AuthorityId;
	readonly requested: AuthorityId;
}

/** The server → authority map of a production roster (each authority's `homeserver`). */
export function serversFromRoster(roster: Roster): ReadonlyMap<string, AuthorityId> {
	return new Map(roster.authorities.map((a) => [a.homeserver, a.id]));
}

export function authorityOf(user: UserId, servers: ReadonlyMap<string, AuthorityId>): AuthorityId | undefined {
	return servers.get(serverNameOf(user));
}

/** The sender's side in this case, or undefined when their authority is not a party. */
export function sideOf(user: UserId, parties: Parties, servers: ReadonlyMap<string, AuthorityId>): Side | undefined {
	const authority = authorityOf(user, servers);
	if (authority === undefined) return undefined;
	if (authority === parties.requesting) return 'requesting';
	if (authority === parties.requested) return 'requested';
	return undefined;
}
