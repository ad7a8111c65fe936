// The authority administrators' page of roster updates (docs/roster-updates.md):
// the version of the roster this server runs, and the networks of the
// administrator's authority, whose announcements rooms the page reads in the
// browser. Anyone else is told the page is not for them.
import { rosterIdentity } from '#lib/server/roster/browser.ts';
import { webDeployment } from '#lib/server/roster/loaded.ts';
import { sessionAdminAccess } from '#lib/server/sessions/admin.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, setHeaders }) => {
	setHeaders({ 'Cache-Control': 'no-store' });
	const access = sessionAdminAccess(locals.user);
	const { deployment } = webDeployment();
	const running = rosterIdentity(deployment);
	if (access.kind !== 'allowed') return { access: access.kind, running, networks: [] as string[] };
	const authority = deployment.runtime.authorities.find((a) => a.id === access.authority.id);
	return { access: access.kind, running, networks: (authority?.memberships ?? []).map((m) => m.network as string) };
};
