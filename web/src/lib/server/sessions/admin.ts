// The authority administrators' view of web sessions, decided without HTTP:
// who may see and end them (a person with the roster role
// 'authority-administrator', for the people of their own authority only),
// each person's active sessions and last use, and whom a request to end
// sessions may target. Pure over the roster and the store's activity.
import { err, ok, type Result } from '#policies/result.ts';
import type { Person, Role, Roster } from '#policies/roster/types.ts';
import type { SessionActivity } from './store.ts';
import { rosterLocalpart } from '#policies/roster/people.ts';
import type { SessionUser } from './user.ts';

export const SESSION_ADMINISTRATOR: Role = 'authority-administrator';

type AuthorityRef = { readonly id: string; readonly name: string };

export type SessionAdminAccess =
	| { readonly kind: 'no-session' }
	| { readonly kind: 'refused'; readonly authority: AuthorityRef | undefined }
	| { readonly kind: 'allowed'; readonly authority: AuthorityRef; readonly administrator: string };

export function sessionAdminAccess(user: SessionUser | undefined): SessionAdminAccess {
	if (user === undefined) return { kind: 'no-session' };
	const authority = user.authority === undefined ? undefined : { id: user.authority.id, name: user.authority.name };
	if (authority === undefined || !user.roles.includes(SESSION_ADMINISTRATOR)) return { kind: 'refused', authority };
	return { kind: 'allowed', authority, administrator: user.userId };
}

export interface PersonSessions {
	readonly localpart: string;
	readonly displayName: string;
	readonly roles: readonly Role[];
	readonly sessions: number;
	readonly lastSeenAt: number | undefined;
}

/** Every roster person of the authority, with their active sessions (accounts the roster does not list are not shown). */
export function peopleSessions(roster: Roster, authorityId: string, activity: readonly SessionActivity[]): readonly PersonSessions[] {
	return roster.people
		.filter((person) => person.authority === authorityId)
		.map((person) => {
			const mine = activity.filter((a) => rosterLocalpart(a.userId) === person.localpart.toLowerCase());
			const seen = mine.map((a) => a.lastSeenAt).filter((t) => t !== undefined);
			return {
				localpart: person.localpart,
				displayName: person.displayName,
				roles: person.roles,
				sessions: mine.reduce((sum, a) => sum + a.sessions, 0),
				lastSeenAt: seen.length === 0 ? undefined : Math.max(...seen),
			};
		});
}

/**
 * The person a request names (by localpart) and the Matrix IDs whose sessions
 * to end: only a roster person of the administrator's own authority, and only
 * their accounts on that authority's homeserver (the activity is read per homeserver).
 */
export function endTarget(
	roster: Roster,
	authorityId: string,
	activity: readonly SessionActivity[],
	requested: unknown,
): Result<{ readonly person: Person; readonly userIds: readonly string[] }, 'not-of-authority'> {
	if (typeof requested !== 'string') return err('not-of-authority');
	const person = roster.people.find((p) => p.authority === authorityId && p.localpart.toLowerCase() === requested.toLowerCase());
	if (person === undefined) return err('not-of-authority');
	const userIds = activity.filter((a) => rosterLocalpart(a.userId) === person.localpart.toLowerCase()).map((a) => a.userId);
	return ok({ person, userIds });
}
