// The request hook's part for sessions: reads the session cookie, validates
// it, and sets event.locals.session and .user. A session used in the second
// half of its life is extended and its cookie re-sent with the new expiry; a
// cookie naming no valid session is cleared.
import type { Handle } from '@sveltejs/kit/hooks';
import type { Roster } from '../../../../../policies/roster/types.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './cookie.ts';
import type { SessionStore } from './store.ts';
import { sessionUser } from './user.ts';

export interface SessionHandleDeps {
	readonly store: () => SessionStore | undefined;
	readonly roster: Roster;
}

export function sessionHandle(deps: SessionHandleDeps): Handle {
	return ({ event, resolve }) => {
		event.locals.session = undefined;
		event.locals.user = undefined;
		const token = event.cookies.get(SESSION_COOKIE);
		if (token === undefined) return resolve(event);
		const store = deps.store();
		if (store === undefined) return resolve(event);
		const validation = store.validate(token);
		if (!validation.valid) {
			clearSessionCookie(event.cookies);
			return resolve(event);
		}
		const { session, extended } = validation;
		if (extended) setSessionCookie(event.cookies, token, session.expiresAt, session.secure);
		event.locals.session = { id: session.id, expiresAt: session.expiresAt };
		event.locals.user = sessionUser(session.userId, session.homeserverId, deps.roster);
		return resolve(event);
	};
}
