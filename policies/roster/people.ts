// Who a Matrix account is in the roster: the person whose localpart it is on
// the homeserver of their authority (as provisioning makes accounts), given
// the authority the account's server belongs to. Pure.
import type { AuthorityId, Person, Role, Roster } from './types.ts';

/** "@carlos.mendez:matrix.mp.gt" → "carlos.mendez" (Synapse keeps localparts lower case). */
export function localpartOf(userId: string): string {
	const colon = userId.indexOf(':');
	return (colon < 0 ? userId.slice(1) : userId.slice(1, colon)).toLowerCase();
}

export function rosterPerson(roster: Roster, authority: AuthorityId, userId: string): Person | undefined {
	const localpart = localpartOf(userId);
	return roster.people.find((p) => p.authority === authority && p.localpart.toLowerCase() === localpart);
}

/** Whether the account's roster person holds one of `roles`. */
export function holdsRole(roster: Roster, authority: AuthorityId, userId: string, roles: readonly Role[]): boolean {
	return rosterPerson(roster, authority, userId)?.roles.some((role) => roles.includes(role)) === true;
}
