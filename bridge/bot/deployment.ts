// The bridge's side of policies/roster/file/deployment.ts: how this machine
// reads a file, hashes bytes and resolves a path, so the bridge and the
// register's command line read the roster and their site exactly as every
// other program does. (deploy/roster/load.ts does the same for deploy/ and
// scripts/; the bridge imports nothing from deploy/, ARCHITECTURE.md.)
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { err, ok, type Result } from '../../policies/result.ts';
import { readDeployment, type Deployment, type FileAccess, type LoadedSite, type RosterError } from '../../policies/roster/file/index.ts';

export const bridgeFiles: FileAccess = {
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

/** The roster and the one site this program runs, checked against each other. */
export function readBridgeDeployment(paths: {
	readonly roster: string;
	readonly site: string;
}): Result<{ deployment: Deployment; site: LoadedSite }, RosterError[]> {
	const read = readDeployment(bridgeFiles, { roster: paths.roster, sites: [paths.site] });
	if (!read.ok) return read;
	const [site] = read.value.sites;
	return site === undefined
		? err([{ file: paths.site, path: '', line: undefined, message: 'no site was read.' }])
		: ok({ deployment: read.value, site });
}
