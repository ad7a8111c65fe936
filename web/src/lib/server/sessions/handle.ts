// The request hook's part for sessions: reads the session cookie, validates
// it (lifetimes), re-checks it with the user's homeserver when due
// (recheck-rule.ts), and sets event.locals.session and .user. A session used
// in the second half of its idle lifetime is extended and its cookie re-sent
// with the new expiry; a cookie naming no valid session, or a session the
// homeserver refused, is cleared; a session the homeserver has not confirmed
// for longer than the grace is served as none (its cookie kept, for when the
// homeserver answers again). locals.session.confirm() asks the homeserver
// now, for exports.
import type { Handle } from '@sveltejs/kit/hooks';
import type { Roster } from '#policies/roster/types.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './cookie.ts';
import type { SessionRechecker } from './recheck.ts';
import type { SessionStore } from './store.ts';
import { sessionUser } from './user.ts';

export interface SessionHandleDeps {
	readonly store: () => SessionStore | undefined;
	/** Without one (the deployment is unknown), no session is served: none could be re-checked. */
	readonly rechecker: () => SessionRechecker | undefined;
	/** The roster the server loaded at its start (lib/server/roster/loaded.ts). */
	readonly roster: () => Roster;
}

/** What a confirmation before an export found. */
export type SessionConfirmation =
	/** The homeserver confirmed the token just now. */
	| 'confirmed'
	/** It refused it: the session is over (cookie cleared). */
	| 'ended'
	/** It could not be asked: refuse, and keep the session. */
	| 'unconfirmed';

export function sessionHandle(deps: SessionHandleDeps): Handle {
	return async ({ event, resolve }) => {
		event.locals.session = undefined;
		event.locals.user = undefined;
		const token = event.cookies.get(SESSION_COOKIE);
		if (token === undefined) return resolve(event);
		const store = deps.store();
		const rechecker = deps.rechecker();
		if (store === undefined || rechecker === undefined) return resolve(event);
		const validation = store.validate(token);
		if (!validation.valid) {
			clearSessionCookie(event.cookies);
			return resolve(event);
		}
		const { session, extended } = validation;
		const outcome = await rechecker.check(token, session, 'page');
		if (outcome === 'ended') {
			clearSessionCookie(event.cookies);
			return resolve(event);
		}
		if (outcome !== 'valid') return resolve(event);
		if (extended) setSessionCookie(event.cookies, token, session.expiresAt, session.secure);
		const confirm = async (): Promise<SessionConfirmation> => {
			const now = await rechecker.check(token, session, 'export');
			if (now === 'valid') return 'confirmed';
			if (now === 'ended') {
				clearSessionCookie(event.cookies);
				event.locals.session = undefined;
				event.locals.user = undefined;
				return 'ended';
			}
			return 'unconfirmed';
		};
		event.locals.session = { id: session.id, expiresAt: session.expiresAt, confirm };
		event.locals.user = sessionUser(session.userId, session.homeserverId, deps.roster());
		return resolve(event);
	};
}
