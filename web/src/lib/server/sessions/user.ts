// Who a session's user is to this deployment: the roster person behind the
// Matrix account and their roles. A person is matched as provisioning makes
// accounts (deploy/local/provision.ts): their localpart on the homeserver of
// their authority, whose id in the federation file is the authority's id.
// An account the roster does not list has no roles.
import { rosterPerson } from '#policies/roster/people.ts';
import type { Authority, Person, Role, Roster } from '#policies/roster/types.ts';

export interface SessionUser {
	readonly userId: string;
	readonly homeserverId: string;
	/** The authority whose homeserver the account lives on, when the roster lists one. */
	readonly authority: Authority | undefined;
	/** The roster person, when the account is one of the roster's people. */
	readonly person: Person | undefined;
	readonly roles: readonly Role[];
}

export function sessionUser(userId: string, homeserverId: string, roster: Roster): SessionUser {
	const authority = roster.authorities.find((a) => a.id === homeserverId);
	const person = authority === undefined ? undefined : rosterPerson(roster, authority.id, userId);
	return { userId, homeserverId, authority, person, roles: person?.roles ?? [] };
}
