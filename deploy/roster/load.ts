// Reads the roster, site and people files from disk for a program's start:
// the roster with its SHA-256 (what identifies a roster: two authorities run
// the same roster exactly when the hashes agree) and version; the site with
// its relative paths taken from the site file's folder. Parsing and checks
// are policies/roster/file's; this module only adds the disk and the hash.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
	parsePeople,
	parseRoster,
	parseSite,
	type PeopleDocument,
	type RosterDocument,
	type RosterError,
	type SiteDocument,
} from '../../policies/roster/file/index.ts';
import { err, ok, type Result } from '../../policies/result.ts';

export interface LoadedRoster {
	readonly path: string;
	readonly document: RosterDocument;
	readonly version: number;
	/** Lower-case hex SHA-256 of the file's bytes. */
	readonly sha256: string;
}

export interface LoadedSite {
	readonly path: string;
	/** The site with every path absolute (relative ones taken from the site file's folder). */
	readonly document: SiteDocument;
}

function read(path: string): Result<Buffer, RosterError[]> {
	try {
		return ok(readFileSync(path));
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return err([{ file: path, path: '', line: undefined, message: `the file cannot be read (${reason}).` }]);
	}
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function loadRoster(path: string): Result<LoadedRoster, RosterError[]> {
	const bytes = read(path);
	if (!bytes.ok) return bytes;
	const parsed = parseRoster(bytes.value.toString('utf8'), path);
	if (!parsed.ok) return parsed;
	return ok({ path, document: parsed.value, version: parsed.value.version, sha256: sha256Of(bytes.value) });
}

export function loadSite(path: string): Result<LoadedSite, RosterError[]> {
	const bytes = read(path);
	if (!bytes.ok) return bytes;
	const parsed = parseSite(bytes.value.toString('utf8'), path);
	if (!parsed.ok) return parsed;
	const site = parsed.value;
	const folder = dirname(resolve(path));
	const at = (p: string) => resolve(folder, p);
	const document: SiteDocument = {
		...site,
		paths: {
			data: at(site.paths.data),
			register: at(site.paths.register),
			sessions: at(site.paths.sessions),
			secrets: at(site.paths.secrets),
			people: at(site.paths.people),
		},
		homeserver: { adminTokenFile: at(site.homeserver.adminTokenFile) },
	};
	return ok({ path, document });
}

/** The people file a site names (`paths.people`, already absolute after loadSite). */
export function loadPeople(path: string): Result<PeopleDocument, RosterError[]> {
	const bytes = read(path);
	return bytes.ok ? parsePeople(bytes.value.toString('utf8'), path) : bytes;
}
