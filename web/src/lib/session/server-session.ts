// The web server's session for this browser (an httpOnly cookie the page
// cannot read): made after the Matrix sign-in succeeds, or when a stored
// Matrix session resumes in a browser whose cookie is gone or names someone
// else, or when the server ended it while the page was open (its lifetime,
// a re-check); ended at sign-out, or with every other session of the user at
// "sign out everywhere". The server checks the access token with the user's
// own homeserver before it makes one, and again while it lasts (routes/api/session).
import type { Credentials } from '../matrix/login.ts';

export interface ServerSessionApi {
	/** Makes sure the cookie names a session of this user; false when the server refused or could not be reached. */
	ensure(credentials: Credentials): Promise<boolean>;
	/** Ends the server session, if any (best effort). */
	end(): Promise<void>;
	/** Ends every server session of this user, in every browser; false when the server could not be reached. */
	endEverywhere(): Promise<boolean>;
}

/** What server loads that read the session depend on (`depends`), invalidated once the browser has made its session. */
export const SERVER_SESSION_DEPENDENCY = 'rogatory:server-session';

const ENDPOINT = '/api/session';
const EVERYWHERE = '/api/session/everywhere';

export function serverSessionApi(fetchImpl: typeof fetch = (...args) => fetch(...args)): ServerSessionApi {
	return {
		async ensure(credentials) {
			try {
				const current = await fetchImpl(ENDPOINT, { cache: 'no-store' });
				if (current.ok) {
					const body = (await current.json()) as { userId?: unknown };
					if (body.userId === credentials.userId) return true;
				}
				const created = await fetchImpl(ENDPOINT, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ userId: credentials.userId, accessToken: credentials.accessToken }),
				});
				return created.ok;
			} catch {
				return false;
			}
		},
		async end() {
			try {
				// NOTE: with a JSON body, not bare: Kit's origin check treats a
				// DELETE without a content type as a form post, and behind no proxy
				// adapter-node takes the app's own origin for https (see cookie.ts).
				// A cross-site JSON request needs a CORS preflight this server never grants.
				await fetchImpl(ENDPOINT, { method: 'DELETE', headers: { 'Content-Type': 'application/json' }, body: '{}' });
			} catch {
				// Unreachable: the cookie stays until it expires; the Matrix token it was made with is ended anyway.
			}
		},
		async endEverywhere() {
			try {
				// NOTE: a JSON body for the same reason as end().
				const response = await fetchImpl(EVERYWHERE, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
				return response.ok;
			} catch {
				return false;
			}
		},
	};
}
