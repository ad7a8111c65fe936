// The server session of a signed-in browser. POST { userId, accessToken }:
// the token is checked with the user's own homeserver (the deployment's
// address for the user's server name) and a session cookie is set (204); the
// token is kept only sealed under the session token, for re-validation.
// Refused attempts are limited per client address (429 with Retry-After; see
// sign-in-limiter.ts). DELETE ends the session this browser's cookie names
// and clears the cookie. GET says whose session the cookie holds ({ userId },
// null when none), so a browser that resumes a stored Matrix session knows
// whether it needs one.
// NOTE: a JSON POST from another origin needs a CORS preflight, which this
// server never grants; Kit's origin check covers form posts.
import { json } from '@sveltejs/kit';
import { loadDeployment } from '#lib/server/deployment.ts';
import { clearSessionCookie, requestIsHttps, SESSION_COOKIE, setSessionCookie } from '#lib/server/sessions/cookie.ts';
import { openSession, parseClaim, type OpenProblem } from '#lib/server/sessions/open-session.ts';
import { sessionStore, signInLimiter } from '#lib/server/sessions/server.ts';
import { sessionIdOf } from '#lib/server/sessions/token.ts';
import { matrixWhoAmI } from '#lib/server/sessions/whoami.ts';
import type { RequestHandler } from './$types';

const STATUS: Record<OpenProblem, number> = { malformed: 400, 'foreign-server': 403, 'device-ended': 403, rejected: 401, unreachable: 502 };
const MALFORMED = 'the body must be JSON: { "userId": "@…", "accessToken": "…" }';
const NO_STORE = { 'Cache-Control': 'no-store' };

const refusal = (status: number, message: string, headers: Record<string, string> = {}) =>
	json({ message }, { status, headers: { ...NO_STORE, ...headers } });

export const POST: RequestHandler = async ({ request, url, cookies, getClientAddress }) => {
	const limiter = signInLimiter();
	const address = getClientAddress();
	const admission = limiter.take(address);
	if (!admission.allowed)
		return refusal(429, 'too many refused sign-ins from this address; try again later', {
			'Retry-After': String(admission.retryAfterSeconds),
		});
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return refusal(400, MALFORMED);
	}
	const claim = parseClaim(body);
	if (!claim.ok) return refusal(400, MALFORMED);
	const store = sessionStore();
	const deployment = await loadDeployment();
	if (store === undefined || !deployment.ok) {
		// Not the client's doing: the attempt is given back.
		limiter.refund(address);
		return refusal(503, 'server sessions are not available here (see the server log)');
	}
	const opened = await openSession(claim.value, {
		homeservers: deployment.value.members,
		whoami: matrixWhoAmI,
		store,
		secure: requestIsHttps(request, url),
	});
	if (!opened.ok) return refusal(STATUS[opened.error], `no session: ${opened.error}`);
	limiter.refund(address);
	// A browser that signs in again replaces the session its cookie named.
	const previous = cookies.get(SESSION_COOKIE);
	if (previous !== undefined) store.invalidate(sessionIdOf(previous));
	setSessionCookie(cookies, opened.value.token, opened.value.session.expiresAt, opened.value.session.secure);
	return new Response(null, { status: 204, headers: NO_STORE });
};

// NOTE: "none" is a 200 with null, not a 404: the browser logs every error
// status as a console error, and having no session yet is not one.
export const GET: RequestHandler = ({ locals }) => json({ userId: locals.user?.userId ?? null }, { headers: NO_STORE });

export const DELETE: RequestHandler = ({ cookies }) => {
	const token = cookies.get(SESSION_COOKIE);
	if (token !== undefined) sessionStore()?.invalidate(sessionIdOf(token));
	clearSessionCookie(cookies);
	return new Response(null, { status: 204 });
};
