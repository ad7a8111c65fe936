// Every signed-in page's data: the roster the server loaded (networks,
// authorities, links; never its people: lib/server/roster/browser.ts), and
// which homeserver serves which authority, from the federation file (the
// local federation's server names are IP literals the roster cannot know),
// so the fold can tell each sender's side. On every signed-in page, so the
// case rooms run (and invitations are accepted) wherever the person is. Also whether the server session's user administers
// the web sessions of an authority (the home page then links to them); loaded
// again once the browser has made its server session (SERVER_SESSION_DEPENDENCY).
import { loadDeployment } from '../../lib/server/deployment.ts';
import { browserRoster, rosterIdentity } from '../../lib/server/roster/browser.ts';
import { webDeployment } from '../../lib/server/roster/loaded.ts';
import { registerAccess } from '../../lib/server/register/access.ts';
import { sessionAdminAccess } from '../../lib/server/sessions/admin.ts';
import { SERVER_SESSION_DEPENDENCY } from '../../lib/session/server-session.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, depends }) => {
	depends(SERVER_SESSION_DEPENDENCY);
	const deployment = await loadDeployment();
	return {
		roster: browserRoster(webDeployment().deployment),
		// Which roster this server loaded (version and SHA-256), compared on the network page with the ones the bridges state.
		rosterIdentity: rosterIdentity(webDeployment().deployment),
		partyServers: deployment.ok ? deployment.value.homeservers.map(({ id, serverName }) => ({ id, serverName })) : [],
		sessionAdministrator: sessionAdminAccess(locals.user).kind === 'allowed',
		// Whether the navigation offers the register (its pages check again: lib/server/register/access.ts).
		registerReader: registerAccess(locals.user).kind === 'allowed',
		// Whether pages offer to verify the authority's bot (the bridge itself checks who asks: bridge/matrix/bot-verifiers.ts).
		authorityAdministrator: locals.user?.roles.includes('authority-administrator') === true,
	};
};
