// The web app's health (issue 15), for a monitor: GET /api/health answers
// { status, sessions } — "ok" with 200 when the deployment's files were read
// and the session database is open, else 503 with which part is not. It
// names no person, case or path, reads no cookie and is never cached.
import { json } from '@sveltejs/kit';
import { sessionStore } from '#lib/server/sessions/server.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => {
	const sessions = sessionStore() === undefined ? 'unavailable' : 'ok';
	const status = sessions === 'ok' ? 'ok' : 'degraded';
	return json({ status, sessions }, { status: status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
};
