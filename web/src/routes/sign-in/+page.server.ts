// The sign-in page's data: this deployment's member homeservers (server name
// and client URL) — the only ones the form signs anyone in to, each at this
// address. A homeserver no roster authority claims (the outsider) is not
// among them. Without a readable federation file there are none, and the
// form says it signs nobody in.
import { loadDeployment } from '../../lib/server/deployment.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const deployment = await loadDeployment();
	return {
		members: deployment.ok ? deployment.value.members.map(({ serverName, clientUrl }) => ({ serverName, clientUrl })) : [],
	};
};
