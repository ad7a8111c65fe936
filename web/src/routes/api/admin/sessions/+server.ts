// An authority administrator ends every web session of a person of their
// authority: POST { person: <localpart> } → { name, ended }. Refused (403)
// to anyone else, for anyone else, and to any request not sent as JSON by the
// app's own pages (same-origin.ts); the administrator's own session is
// confirmed with their homeserver first, as for exports. The person's devices
// then get no new web session from their old tokens (store.endPerson).
import { json } from '@sveltejs/kit';
import { endTarget, sessionAdminAccess } from '#lib/server/sessions/admin.ts';
import { sameOriginJson } from '#lib/server/sessions/same-origin.ts';
import { webDeployment } from '#lib/server/roster/loaded.ts';
import { sessionStore } from '#lib/server/sessions/server.ts';
import type { RequestHandler } from './$types';

const answer = (status: number, body: Record<string, unknown>) => json(body, { status, headers: { 'Cache-Control': 'no-store' } });

export const POST: RequestHandler = async ({ locals, request }) => {
	if (!sameOriginJson(request)) return answer(403, { problem: 'cross-site' });
	const access = sessionAdminAccess(locals.user);
	if (access.kind === 'no-session') return answer(401, { problem: 'no-session' });
	if (access.kind === 'refused') return answer(403, { problem: 'not-of-authority' });
	const confirmation = await locals.session?.confirm();
	if (confirmation !== 'confirmed') return answer(confirmation === 'ended' ? 401 : 503, { problem: 'unconfirmed' });
	const store = sessionStore();
	if (store === undefined) return answer(503, { problem: 'unavailable' });
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return answer(400, { problem: 'malformed' });
	}
	const person = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['person'] : undefined;
	const target = endTarget(webDeployment().deployment.runtime, access.authority.id, store.activity(access.authority.id), person);
	if (!target.ok) return answer(403, { problem: 'not-of-authority' });
	const ended = target.value.userIds.reduce((sum, userId) => sum + store.endPerson(userId, access.administrator), 0);
	return answer(200, { name: target.value.person.displayName, ended });
};
