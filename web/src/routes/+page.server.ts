// The app shell's data: this deployment's networks, authorities and
// homeservers, or the reason they are unknown.
import { loadDeployment } from '../lib/server/deployment.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ deployment: await loadDeployment() });
