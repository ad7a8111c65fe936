// Opens the register of an authority for one request, read-only: the file
// its bridge writes, where the authority's site file says (paths.register).
// No file yet means the bridge has not written one (the page says so); any
// other failure, this server serving no site of that authority included, is
// "unreadable" with the detail for the server log.
import { existsSync } from 'node:fs';
import type { AuthorityId } from '#policies/roster/types.ts';
import { webDeployment } from '../roster/loaded.ts';
import { openBridgeRegister } from './bridge-source.ts';
import type { RegisterOpening } from './types.ts';

export function openAuthorityRegister(authorityId: AuthorityId): RegisterOpening {
	const { deployment } = webDeployment();
	const site = deployment.sites.find((s) => s.document.authority === authorityId);
	if (site === undefined) return { kind: 'unreadable', detail: `this web server serves no site of ${authorityId} (ROGATORY_SITE)` };
	const file = site.document.paths.register;
	if (!existsSync(file)) return { kind: 'missing' };
	return openBridgeRegister(file, authorityId, deployment.runtime);
}

export function logRegisterProblem(message: string): void {
	console.error(`rogatory web: ${message}`);
}
