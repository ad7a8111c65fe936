// The sign-in page's data: this deployment's homeservers (server name and
// client URL), so the form can pre-fill the address of a server that cannot
// be discovered. Without a readable federation file the form still works;
// people then type the address.
import { loadDeployment } from '../../lib/server/deployment.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const deployment = await loadDeployment();
	return {
		homeservers: deployment.ok ? deployment.value.homeservers.map(({ serverName, clientUrl }) => ({ serverName, clientUrl })) : [],
	};
};
