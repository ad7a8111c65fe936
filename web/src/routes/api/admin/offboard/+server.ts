// An authority administrator offboards a person of their authority who left
// office: POST { person: <localpart> } → what was done
// (lib/server/offboarding/offboard.ts, docs/offboarding.md). Refused (403)
// to anyone but an administrator of that authority, for anyone but a person
// of it, for the administrator themselves, and to any request not sent as
// JSON by the app's own pages (same-origin.ts); the administrator's own
// session is confirmed with their homeserver first. 409 names the rooms to
// hand over before anything changes. The homeserver admin token stays here.
import { mayOffboard } from '#policies/offboarding/may-offboard.ts';
import { offboard } from '#lib/server/offboarding/offboard.ts';
import { siteAdmin } from '#lib/server/offboarding/site-admin.ts';
import { accountOf } from '#lib/server/offboarding/synapse-admin.ts';
import { adminAnswer as answer, adminRequest } from '#lib/server/sessions/admin-request.ts';
import { webDeployment } from '#lib/server/roster/loaded.ts';
import type { RequestHandler } from './$types';

const LOCALPART = /^[a-z0-9._=\-/+]+$/;

export const POST: RequestHandler = async ({ locals, request }) => {
	const asked = await adminRequest(locals, request);
	if (!asked.ok) return asked.answer;
	const { access, store, person } = asked.value;
	if (typeof person !== 'string' || !LOCALPART.test(person.toLowerCase())) return answer(400, { problem: 'malformed' });
	const localpart = person.toLowerCase();

	const site = await siteAdmin(access.authority.id);
	if (!site.ok) {
		console.error(`rogatory web: offboarding is unavailable: ${site.error}`);
		return answer(503, { problem: 'unavailable' });
	}
	const { admin, serverName } = site.value;
	const userId = `@${localpart}:${serverName}`;
	const account = await accountOf(admin, userId);
	if (!account.ok) {
		console.error(`rogatory web: offboarding ${userId}: ${account.error.detail}`);
		return answer(502, { problem: 'homeserver' });
	}
	const inPeopleFile = webDeployment().deployment.runtime.people.some(
		(p) => p.authority === access.authority.id && p.localpart.toLowerCase() === localpart,
	);
	const allowed = mayOffboard({ userId: access.administrator, serverName }, { userId, inPeopleFile, accountExists: account.value.exists });
	if (!allowed.ok) return answer(403, { problem: allowed.error });

	const outcome = await offboard(userId, {
		admin,
		endWebSessions: (id) => store.endPerson(id, access.administrator),
	});
	if (!outcome.ok) {
		console.error(`rogatory web: offboarding ${userId} stopped at ${outcome.error.step}: ${outcome.error.problem.detail}`);
		return answer(502, { problem: 'homeserver', step: outcome.error.step });
	}
	if (outcome.value.kind === 'hand-over-first') return answer(409, { problem: 'hand-over-first', rooms: outcome.value.rooms });
	return answer(200, { userId, ...outcome.value });
};
