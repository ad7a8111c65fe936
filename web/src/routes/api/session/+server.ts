// The server session of a signed-in browser. POST { userId, accessToken }:
// the token is checked with the user's own homeserver (the deployment's
// address for the user's server name) and a session cookie is set (204).
// DELETE ends the session this browser's cookie names and clears the cookie.
// GET says whose session the cookie holds ({ userId }, null when none), so a
// browser that resumes a stored Matrix session knows whether it needs one.
// NOTE: a JSON POST from another origin needs a CORS preflight, which this
// server never grants; Kit's origin check covers form posts.
import { error, json } from '@sveltejs/kit';
import { loadDeployment } from '../../../lib/server/deployment.ts';
import { clearSessionCookie, requestIsHttps, SESSION_COOKIE, setSessionCookie } from '../../../lib/server/sessions/cookie.ts';
import { openSession, parseClaim } from '../../../lib/server/sessions/open-session.ts';
import { sessionStore } from '../../../lib/server/sessions/server.ts';
import { sessionIdOf } from '../../../lib/server/sessions/token.ts';
import { matrixWhoAmI } from '../../../lib/server/sessions/whoami.ts';
import type { RequestHandler } from './$types';

const STATUS = { malformed: 400, 'foreign-server': 403, rejected: 401, unreachable: 502 } as const;

export const POST: RequestHandler = async ({ request, url, cookies }) => {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		error(400, 'the body must be JSON: { "userId": "@…", "accessToken": "…" }');
	}
	const claim = parseClaim(body);
	if (!claim.ok) error(400, 'the body must be JSON: { "userId": "@…", "accessToken": "…" }');
	const store = sessionStore();
	const deployment = await loadDeployment();
	if (store === undefined || !deployment.ok) error(503, 'server sessions are not available here (see the server log)');
	const opened = await openSession(claim.value, {
		homeservers: deployment.value.homeservers,
		whoami: matrixWhoAmI,
		store,
		secure: requestIsHttps(request, url),
	});
	if (!opened.ok) error(STATUS[opened.error], `no session: ${opened.error}`);
	// A browser that signs in again replaces the session its cookie named.
	const previous = cookies.get(SESSION_COOKIE);
	if (previous !== undefined) store.invalidate(sessionIdOf(previous));
	setSessionCookie(cookies, opened.value.token, opened.value.session.expiresAt, opened.value.session.secure);
	return new Response(null, { status: 204 });
};

// NOTE: "none" is a 200 with null, not a 404: the browser logs every error
// status as a console error, and having no session yet is not one.
export const GET: RequestHandler = ({ locals }) =>
	json({ userId: locals.user?.userId ?? null }, { headers: { 'Cache-Control': 'no-store' } });

export const DELETE: RequestHandler = ({ cookies }) => {
	const token = cookies.get(SESSION_COOKIE);
	if (token !== undefined) sessionStore()?.invalidate(sessionIdOf(token));
	clearSessionCookie(cookies);
	return new Response(null, { status: 204 });
};
