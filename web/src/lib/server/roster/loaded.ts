// The deployment this web server runs, read once, at the app's start (the
// init hook, hooks.server.ts), and kept for the life of the process: the
// roster, the sites it serves with their people, and the session database.
// web/server.ts has already refused broken files before the app was
// imported; a start without it (a bare `node build`) refuses them here.
import { ROGATORY_ROSTER, ROGATORY_SITE } from '$app/env/private';
import { resolve } from 'node:path';
import { rosterLabel } from '#policies/roster/file/index.ts';
import { cannotStart, readWebDeployment, type WebDeployment } from './read.ts';

let loaded: WebDeployment | undefined;

export function webDeployment(): WebDeployment {
	if (loaded !== undefined) return loaded;
	const read = readWebDeployment({ roster: ROGATORY_ROSTER, site: ROGATORY_SITE });
	if (!read.ok) throw new Error(cannotStart(read.error));
	loaded = read.value;
	const authorities = loaded.deployment.sites.map((site) => site.document.authority).join(', ');
	console.log(`rogatory web: ${rosterLabel(loaded.deployment.roster)}, serving ${authorities}`);
	return loaded;
}

/** The roster file this web server runs, as ROGATORY_ROSTER names it: what an administrator's roster update replaces. */
export const rosterFilePath = (): string => resolve(ROGATORY_ROSTER ?? '');
