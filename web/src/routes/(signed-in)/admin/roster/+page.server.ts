// The authority administrators' page of roster updates (docs/roster-updates.md):
// the networks of the administrator's authority, whose announcements rooms
// the page reads in the browser (the version this server runs comes with
// every signed-in page, `rosterIdentity`). Anyone else is told the page is
// not for them.
import { webDeployment } from '#lib/server/roster/loaded.ts';
import { sessionAdminAccess } from '#lib/server/sessions/admin.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, setHeaders }) => {
	setHeaders({ 'Cache-Control': 'no-store' });
	const access = sessionAdminAccess(locals.user);
	if (access.kind !== 'allowed') return { access: access.kind, networks: [] as string[] };
	const authority = webDeployment().deployment.runtime.authorities.find((a) => a.id === access.authority.id);
	return { access: access.kind, networks: (authority?.memberships ?? []).map((m) => m.network as string) };
};
