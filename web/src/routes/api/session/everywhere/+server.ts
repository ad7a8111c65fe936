// "Sign out everywhere", the web server's part: POST ends every web session
// of the user whose session this browser's cookie names — in every browser,
// at once — and clears this cookie. The browser then ends the user's Matrix
// sessions everywhere itself (POST /logout/all with its own token; see
// lib/session/session.svelte.ts). Without a session there is nothing to end
// ({ ended: 0 }), so a retry after a half-finished attempt is harmless.
// NOTE: JSON from the app's own pages only (same-origin.ts). Any holder of a
// session may end all of its user's sessions: at worst that signs the user
// out, never in.
import { json } from '@sveltejs/kit';
import { clearSessionCookie } from '#lib/server/sessions/cookie.ts';
import { sameOriginJson } from '#lib/server/sessions/same-origin.ts';
import { sessionStore } from '#lib/server/sessions/server.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ locals, cookies, request }) => {
	if (!sameOriginJson(request)) return json({ problem: 'cross-site' }, { status: 403, headers: { 'Cache-Control': 'no-store' } });
	const user = locals.user;
	const store = sessionStore();
	const ended = user === undefined || store === undefined ? 0 : store.invalidateUser(user.userId);
	clearSessionCookie(cookies);
	return json({ ended }, { headers: { 'Cache-Control': 'no-store' } });
};
