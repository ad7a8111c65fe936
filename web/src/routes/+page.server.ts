// The app shell's data: this deployment's networks, authorities and
// homeservers, or the reason they are unknown, and which roster the server
// runs (its version and SHA-256: two installations run the same roster
// exactly when the hashes agree).
import { loadDeployment } from '../lib/server/deployment.ts';
import { rosterIdentity } from '../lib/server/roster/browser.ts';
import { webDeployment } from '../lib/server/roster/loaded.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	deployment: await loadDeployment(),
	roster: rosterIdentity(webDeployment().deployment),
});
