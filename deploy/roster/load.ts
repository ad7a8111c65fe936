// Reads the roster, site and people files from disk for deploy/ and scripts/:
// the machine's side of policies/roster/file/deployment.ts (which parses,
// checks and hashes the same way in every program).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
	readDeployment,
	readPeopleFile,
	readRoster,
	readSiteFile,
	type Deployment,
	type FileAccess,
	type LoadedRoster,
	type PeopleDocument,
	type RosterError,
	type SiteDocument,
} from '../../policies/roster/file/index.ts';
import { err, ok, type Result } from '../../policies/result.ts';

export const nodeFiles: FileAccess = {
	read(path) {
		try {
			return ok(readFileSync(path));
		} catch (error) {
			return err(error instanceof Error ? error.message : String(error));
		}
	},
	sha256: (bytes) => createHash('sha256').update(bytes).digest('hex'),
	resolve: (fromFile, path) => resolve(dirname(resolve(fromFile)), path),
};

export const loadRoster = (path: string): Result<LoadedRoster, RosterError[]> => readRoster(nodeFiles, path);

export interface LoadedSiteFile {
	readonly path: string;
	/** The site with every path absolute (relative ones taken from the site file's folder). */
	readonly document: SiteDocument;
}

export function loadSite(path: string): Result<LoadedSiteFile, RosterError[]> {
	const site = readSiteFile(nodeFiles, path);
	return site.ok ? ok({ path, document: site.value }) : site;
}

/** The people file a site names (`paths.people`, already absolute after loadSite). */
export const loadPeople = (path: string): Result<PeopleDocument, RosterError[]> => readPeopleFile(nodeFiles, path);

/** The roster and the sites, every file checked against the others. */
export const loadDeployment = (paths: { roster: string; sites: readonly string[] }): Result<Deployment, RosterError[]> =>
	readDeployment(nodeFiles, paths);
