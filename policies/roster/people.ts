// Who a Matrix account is in the roster: the person whose localpart it is on
// the homeserver of their authority (as provisioning makes accounts), given
// the authority the account's server belongs to. Pure.
import { localpartOf } from '../cases/ids/matrix.ts';
import type { AuthorityId, Person, Role, Roster } from './types.ts';

/** "@Carlos.Mendez:matrix.mp.gt" → "carlos.mendez": how a roster person's localpart is matched (Synapse keeps localparts lower case). */
export const rosterLocalpart = (userId: string): string => localpartOf(userId).toLowerCase();

export function rosterPerson(roster: Roster, authority: AuthorityId, userId: string): Person | undefined {
	const localpart = rosterLocalpart(userId);
	return roster.people.find((p) => p.authority === authority && p.localpart.toLowerCase() === localpart);
}

/** Whether the account's roster person holds one of `roles`. */
export function holdsRole(roster: Roster, authority: AuthorityId, userId: string, roles: readonly Role[]): boolean {
	return rosterPerson(roster, authority, userId)?.roles.some((role) => roles.includes(role)) === true;
}
