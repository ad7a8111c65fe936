// Every signed-in page's data: which homeserver serves which authority, from
// the federation file (the local federation's server names are IP literals
// the roster cannot know), so the fold can tell each sender's side. On every
// signed-in page, so the case rooms run (and invitations are accepted)
// wherever the person is.
import { loadDeployment } from '../../lib/server/deployment.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async () => {
	const deployment = await loadDeployment();
	return {
		partyServers: deployment.ok ? deployment.value.homeservers.map(({ id, serverName }) => ({ id, serverName })) : [],
	};
};
