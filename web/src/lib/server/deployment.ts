// Server side only: reads the federation file that ROGATORY_FEDERATION names
// and describes the deployment with the roster the server loaded at start. Expected failures (unset,
// unreadable, malformed) are returned for the page to explain, never thrown;
// the administrator's details (the path, the OS error) go to the server log.
import { readFile } from 'node:fs/promises';
import { ROGATORY_FEDERATION } from '$app/env/private';
import type { Roster } from '#policies/roster/types.ts';
import { err, ok, type Result } from '#policies/result.ts';
import { describeDeployment } from '../deployment/describe.ts';
import { parseFederation } from '../deployment/federation-file.ts';
import type { DeploymentProblem, DeploymentView } from '../deployment/types.ts';
import { webDeployment } from './roster/loaded.ts';

let lastLogged: string | undefined;

/** Logs each distinct problem once, not on every page view. */
function logOnce(message: string): void {
	if (message === lastLogged) return;
	lastLogged = message;
	console.error(`rogatory web: ${message}`);
}

export async function loadDeployment(
	path: string | undefined = ROGATORY_FEDERATION,
	roster: Roster = webDeployment().deployment.runtime,
): Promise<Result<DeploymentView, DeploymentProblem>> {
	if (path === undefined) {
		logOnce('ROGATORY_FEDERATION is not set; the pages say that the deployment is unknown.');
		return err({ kind: 'unset' });
	}
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		logOnce(`cannot read the federation file ${path} (ROGATORY_FEDERATION): ${error instanceof Error ? error.message : String(error)}`);
		return err({ kind: 'unreadable' });
	}
	const federation = parseFederation(text);
	if (!federation.ok) {
		logOnce(`the federation file ${path} (ROGATORY_FEDERATION) is malformed: ${federation.error}`);
		return err({ kind: 'malformed', detail: federation.error });
	}
	lastLogged = undefined;
	return ok(describeDeployment(roster, federation.value));
}
