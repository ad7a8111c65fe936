// A deployment as its programs read it at start: the roster file (with its
// version and SHA-256), the site files of the authorities this machine runs
// and each site's people file, checked against one another, and the Roster
// of policies/roster/types.ts they make. Pure: the caller hands in how to
// read a file, hash bytes and resolve a path (deploy/roster/load.ts,
// bridge/bot/deployment.ts and the web server each do it with node:fs), so
// every program reads the files the same way and refuses them the same way.
import { err, ok, type Result } from '../../result.ts';
import type { Roster } from '../types.ts';
import { rosterFromDocuments } from './convert.ts';
import type { RosterError } from './errors.ts';
import { parsePeople } from './parse-people.ts';
import { parseRoster } from './parse-roster.ts';
import { parseSite } from './parse-site.ts';
import type { PeopleDocument } from './people-document.ts';
import type { RosterDocument } from './roster-document.ts';
import { checkPeopleAgainstSite, checkSiteAgainstRoster } from './site-checks.ts';
import type { SiteDocument } from './site-document.ts';

/** The three things reading a deployment needs from the machine. */
export interface FileAccess {
	/** The file's bytes, or why it cannot be read (the OS's words). */
	read(path: string): Result<Uint8Array, string>;
	/** Lower-case hex SHA-256. */
	sha256(bytes: Uint8Array): string;
	/** `path` as written inside the file `fromFile`: absolute, relative ones taken from that file's folder. */
	resolve(fromFile: string, path: string): string;
}

export interface LoadedRoster {
	readonly path: string;
	readonly document: RosterDocument;
	readonly version: number;
	/** Lower-case hex SHA-256 of the file's bytes: two programs run the same roster exactly when these agree. */
	readonly sha256: string;
}

export interface LoadedSite {
	readonly path: string;
	/** The site with every path absolute. */
	readonly document: SiteDocument;
	/** The people file the site names. */
	readonly people: PeopleDocument;
}

export interface Deployment {
	readonly roster: LoadedRoster;
	/** The sites this program runs, in the order given. */
	readonly sites: readonly LoadedSite[];
	/** The Roster the code works with: the roster's authorities on Rogatory and the people of these sites. */
	readonly runtime: Roster;
}

const unreadable = (file: string, reason: string): RosterError[] => [
	{ file, path: '', line: undefined, message: `the file cannot be read (${reason}). Check the path and that this user may read it.` },
];

function text(files: FileAccess, path: string): Result<{ bytes: Uint8Array; text: string }, RosterError[]> {
	const bytes = files.read(path);
	if (!bytes.ok) return err(unreadable(path, bytes.error));
	return ok({ bytes: bytes.value, text: new TextDecoder().decode(bytes.value) });
}

export function readRoster(files: FileAccess, path: string): Result<LoadedRoster, RosterError[]> {
	const read = text(files, path);
	if (!read.ok) return read;
	const parsed = parseRoster(read.value.text, path);
	if (!parsed.ok) return parsed;
	return ok({ path, document: parsed.value, version: parsed.value.version, sha256: files.sha256(read.value.bytes) });
}

/** The site file alone, its paths made absolute (no roster check). */
export function readSiteFile(files: FileAccess, path: string): Result<SiteDocument, RosterError[]> {
	const read = text(files, path);
	if (!read.ok) return read;
	const parsed = parseSite(read.value.text, path);
	if (!parsed.ok) return parsed;
	const site = parsed.value;
	const at = (p: string) => files.resolve(path, p);
	return ok({
		...site,
		paths: {
			data: at(site.paths.data),
			register: at(site.paths.register),
			sessions: at(site.paths.sessions),
			secrets: at(site.paths.secrets),
			people: at(site.paths.people),
		},
		homeserver: { adminTokenFile: at(site.homeserver.adminTokenFile) },
		...(site.mail === undefined
			? {}
			: {
					mail: {
						...site.mail,
						...(site.mail.passwordFile === undefined ? {} : { passwordFile: at(site.mail.passwordFile) }),
						...(site.mail.caFile === undefined ? {} : { caFile: at(site.mail.caFile) }),
					},
				}),
	});
}

export function readPeopleFile(files: FileAccess, path: string): Result<PeopleDocument, RosterError[]> {
	const read = text(files, path);
	return read.ok ? parsePeople(read.value.text, path) : read;
}

/** A site with its people file, both held against the roster. */
export function readSite(files: FileAccess, path: string, roster: RosterDocument): Result<LoadedSite, RosterError[]> {
	const site = readSiteFile(files, path);
	if (!site.ok) return site;
	const against = checkSiteAgainstRoster(site.value, roster);
	if (against.length > 0) return err(against);
	const people = readPeopleFile(files, site.value.paths.people);
	if (!people.ok) return people;
	const mismatched = checkPeopleAgainstSite(people.value, site.value, roster);
	return mismatched.length > 0 ? err(mismatched) : ok({ path, document: site.value, people: people.value });
}

/** The sites in the order of their authorities in the roster, so the people come out the same whatever order the sites were named in. */
function inRosterOrder(roster: RosterDocument, sites: readonly LoadedSite[]): LoadedSite[] {
	const rank = (site: LoadedSite) => roster.authorities.findIndex((a) => a.id === site.document.authority);
	return [...sites].sort((a, b) => rank(a) - rank(b));
}

/**
 * The roster and the given sites, all checked; every problem of every file at
 * once. Two sites of the same authority are refused (one installation each).
 */
export function readDeployment(
	files: FileAccess,
	paths: { readonly roster: string; readonly sites: readonly string[] },
): Result<Deployment, RosterError[]> {
	const roster = readRoster(files, paths.roster);
	if (!roster.ok) return roster;
	const errors: RosterError[] = [];
	const sites: LoadedSite[] = [];
	for (const path of paths.sites) {
		const site = readSite(files, path, roster.value.document);
		if (!site.ok) errors.push(...site.error);
		else if (sites.some((s) => s.document.authority === site.value.document.authority)) {
			const first = sites.find((s) => s.document.authority === site.value.document.authority)!;
			errors.push({
				file: path,
				path: 'authority',
				line: site.value.document.source.lines.get('authority'),
				message: `"${site.value.document.authority}" is already run by the site ${first.path}; give each authority one site file.`,
			});
		} else sites.push(site.value);
	}
	if (errors.length > 0) return err(errors);
	return ok({
		roster: roster.value,
		sites,
		runtime: rosterFromDocuments(
			roster.value.document,
			inRosterOrder(roster.value.document, sites).map((s) => s.people),
		),
	});
}

/** `roster version 3 (sha256 1a2b3c4d…)`: how every program names the roster it runs. */
export function rosterLabel(roster: Pick<LoadedRoster, 'version' | 'sha256'>): string {
	return `roster version ${roster.version} (sha256 ${roster.sha256.slice(0, 12)}…)`;
}
