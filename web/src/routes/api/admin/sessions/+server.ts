// An authority administrator ends every web session of a person of their
// authority: POST { person: <localpart> } → { name, ended }. Refused (403)
// to anyone else, for anyone else, and to any request not sent as JSON by the
// app's own pages (same-origin.ts); the administrator's own session is
// confirmed with their homeserver first, as for exports. The person's devices
// then get no new web session from their old tokens (store.endPerson).
import { endTarget } from '#lib/server/sessions/admin.ts';
import { adminAnswer as answer, adminRequest } from '#lib/server/sessions/admin-request.ts';
import { webDeployment } from '#lib/server/roster/loaded.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, request }) => {
	const asked = await adminRequest(locals, request);
	if (!asked.ok) return asked.answer;
	const { access, store, person } = asked.value;
	const target = endTarget(webDeployment().deployment.runtime, access.authority.id, store.activity(access.authority.id), person);
	if (!target.ok) return answer(403, { problem: 'not-of-authority' });
	const ended = target.value.userIds.reduce((sum, userId) => sum + store.endPerson(userId, access.administrator), 0);
	return answer(200, { name: target.value.person.displayName, ended });
};
