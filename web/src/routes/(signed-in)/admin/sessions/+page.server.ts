// The authority administrators' page of web sessions: the people of their
// authority with their active sessions (count, last use); ending every
// session of one of them is routes/api/admin/sessions. Anyone but an
// administrator of that authority gets a 403 that the error page explains.
// ?end=<localpart> asks for confirmation; so does ?offboard=<localpart>
// (deactivating the account, routes/api/admin/offboard, docs/offboarding.md),
// never for the administrator themselves.
import { error } from '@sveltejs/kit';
import { peopleSessions, sessionAdminAccess, type SessionAdminAccess } from '#lib/server/sessions/admin.ts';
import { rosterLocalpart } from '#policies/roster/people.ts';
import { webDeployment } from '#lib/server/roster/loaded.ts';
import { sessionStore } from '#lib/server/sessions/server.ts';
import type { PageServerLoad } from './$types';

const SESSIONS_REFUSED = 'sessions-refused';

function refuse(access: SessionAdminAccess & { kind: 'refused' }): never {
	error(403, 'Only the administrators of an authority may see and end the web sessions of its people.', {
		reason: SESSIONS_REFUSED,
		authority: access.authority?.name,
	});
}

function openStore() {
	const store = sessionStore();
	if (store === undefined) error(503, 'server sessions are not available here (see the server log)');
	return store;
}

export const load: PageServerLoad = ({ locals, url, setHeaders }) => {
	setHeaders({ 'Cache-Control': 'no-store' });
	const access = sessionAdminAccess(locals.user);
	if (access.kind === 'no-session')
		return { access: access.kind, authority: undefined, people: [], confirming: undefined, offboarding: undefined, self: undefined };
	if (access.kind === 'refused') refuse(access);
	const people = peopleSessions(webDeployment().deployment.runtime, access.authority.id, openStore().activity(access.authority.id));
	const asked = url.searchParams.get('end');
	const confirming = people.find((person) => person.localpart === asked && person.sessions > 0);
	const self = rosterLocalpart(access.administrator);
	const offboard = url.searchParams.get('offboard');
	const offboarding = people.find((person) => person.localpart === offboard && person.localpart.toLowerCase() !== self);
	return { access: access.kind, authority: access.authority, people, confirming, offboarding, self };
};
