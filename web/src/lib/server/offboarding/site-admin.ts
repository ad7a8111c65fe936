// The homeserver admin access of one authority's site: its homeserver's
// client URL (the federation file the server reads, never a browser's), or
// where ROGATORY_SYNAPSE_ADMIN_URLS says the admin API is (admin-urls.ts), and
// the admin token from the file the site names (homeserver.admin_token_file),
// read when needed and kept in memory only for the request. A missing or
// empty file is a value the route turns into "unavailable".
import { readFile } from 'node:fs/promises';
import { ROGATORY_SYNAPSE_ADMIN_URLS } from '$app/env/private';
import { err, ok, type Result } from '#policies/result.ts';
import { loadDeployment } from '../deployment.ts';
import { webDeployment } from '../roster/loaded.ts';
import type { SynapseAdmin } from './synapse-admin.ts';

export interface SiteAdmin {
	readonly admin: SynapseAdmin;
	/** The authority's homeserver name, for the Matrix IDs of its people. */
	readonly serverName: string;
}

export async function siteAdmin(authorityId: string): Promise<Result<SiteAdmin, string>> {
	const site = webDeployment().deployment.sites.find((s) => s.document.authority === authorityId);
	if (site === undefined) return err(`this web server runs no site of ${authorityId}`);
	const deployment = await loadDeployment();
	if (!deployment.ok) return err(`the deployment is ${deployment.error.kind}`);
	const homeserver = deployment.value.homeservers.find((hs) => hs.id === authorityId);
	if (homeserver === undefined) return err(`the federation file lists no homeserver for ${authorityId}`);
	const file = site.document.homeserver.adminTokenFile;
	let adminToken: string;
	try {
		adminToken = (await readFile(file, 'utf8')).trim();
	} catch (error) {
		return err(`cannot read the admin token file ${file} (homeserver.admin_token_file): ${(error as Error).message}`);
	}
	if (adminToken === '') return err(`the admin token file ${file} (homeserver.admin_token_file) is empty`);
	const clientUrl = ROGATORY_SYNAPSE_ADMIN_URLS.get(authorityId) ?? homeserver.clientUrl;
	return ok({ admin: { clientUrl, adminToken }, serverName: homeserver.serverName });
}
