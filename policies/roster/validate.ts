// Checks a roster before anything is generated from it. A roster is data that
// secretariats and administrators edit by hand, so every problem is reported
// with the path of the broken key (e.g. `authorities[2].timeZone: …`) and all
// problems are reported at once.
import { err, ok, type Result } from '../result.ts';
import { LANGUAGES, ROLES, type Roster } from './types.ts';

const ROLE_SET: ReadonlySet<string> = new Set(ROLES);
const AUTHORITY_ID = /^[a-z]{2}-[a-z0-9-]{1,30}$/;
const NETWORK_ID = /^[A-Z][A-Z0-9]{1,15}$/;
const COUNTRY = /^[A-Z]{2}$/;
const LOCALPART = /^[a-z0-9._=\-/]{1,64}$/; // Matrix spec: historical-safe user ID localparts
const SERVER_NAME = /^[a-z0-9.-]+(:\d{1,5})?$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const zones = new Set(Intl.supportedValuesOf('timeZone'));
const isZone = (zone: string) => zones.has(zone) || zone === 'UTC';

type Problems = string[];

function duplicates(values: readonly string[]): string[] {
	const seen = new Set<string>();
	return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

function checkNetworks(roster: Roster, problems: Problems): void {
	roster.networks.forEach((n, i) => {
		if (!NETWORK_ID.test(n.id)) problems.push(`networks[${i}].id: "${n.id}" must be an upper-case code such as "REFCO"`);
		if (n.languages.length === 0) problems.push(`networks[${i}].languages: a network needs at least one working language`);
		n.languages.forEach((l, j) => {
			if (!LANGUAGES.includes(l)) problems.push(`networks[${i}].languages[${j}]: "${l}" is not one of ${LANGUAGES.join(', ')}`);
		});
	});
	for (const d of duplicates(roster.networks.map((n) => n.id))) problems.push(`networks: id "${d}" is used twice`);
}

function checkAuthorities(roster: Roster, problems: Problems): void {
	const networks = new Set<string>(roster.networks.map((n) => n.id));
	roster.authorities.forEach((a, i) => {
		const at = `authorities[${i}]`;
		if (!AUTHORITY_ID.test(a.id)) problems.push(`${at}.id: "${a.id}" must look like "gt-mp" (country code, dash, lower-case name)`);
		if (!COUNTRY.test(a.country)) problems.push(`${at}.country: "${a.country}" must be an ISO 3166-1 alpha-2 code such as "GT"`);
		if (!SERVER_NAME.test(a.homeserver)) problems.push(`${at}.homeserver: "${a.homeserver}" is not a Matrix server name`);
		if (!isZone(a.timeZone)) problems.push(`${at}.timeZone: "${a.timeZone}" is not an IANA time zone such as "America/Guatemala"`);
		a.languages.forEach((l, j) => {
			if (!LANGUAGES.includes(l)) problems.push(`${at}.languages[${j}]: "${l}" is not one of ${LANGUAGES.join(', ')}`);
		});
		a.memberships.forEach((m, j) => {
			if (!networks.has(m.network)) problems.push(`${at}.memberships[${j}].network: no network "${m.network}" in this roster`);
			if (m.status !== 'member' && m.status !== 'observer') problems.push(`${at}.memberships[${j}].status: must be "member" or "observer"`);
			if (m.since !== undefined && !ISO_DATE.test(m.since))
				problems.push(`${at}.memberships[${j}].since: "${m.since}" must be a date like 2011-11-01`);
		});
	});
	for (const d of duplicates(roster.authorities.map((a) => a.id))) problems.push(`authorities: id "${d}" is used twice`);
	for (const d of duplicates(roster.authorities.map((a) => a.homeserver))) problems.push(`authorities: homeserver "${d}" is used twice`);
}

function checkPeople(roster: Roster, problems: Problems): void {
	const authorities = new Set<string>(roster.authorities.map((a) => a.id));
	const networks = new Set<string>(roster.networks.map((n) => n.id));
	roster.people.forEach((p, i) => {
		const at = `people[${i}]`;
		if (!LOCALPART.test(p.localpart)) problems.push(`${at}.localpart: "${p.localpart}" may use only a-z, 0-9 and . _ = - /`);
		if (!authorities.has(p.authority)) problems.push(`${at}.authority: no authority "${p.authority}" in this roster`);
		if (!LANGUAGES.includes(p.language)) problems.push(`${at}.language: "${p.language}" is not one of ${LANGUAGES.join(', ')}`);
		if (p.roles.length === 0) problems.push(`${at}.roles: a person needs at least one role`);
		p.roles.forEach((r, j) => {
			if (!ROLE_SET.has(r)) problems.push(`${at}.roles[${j}]: "${r}" is not one of ${ROLES.join(', ')}`);
		});
		if (p.secretariatOf !== undefined && !networks.has(p.secretariatOf))
			problems.push(`${at}.secretariatOf: no network "${p.secretariatOf}" in this roster`);
	});
	const accounts = roster.people.map((p) => `${p.localpart}@${p.authority}`);
	for (const d of duplicates(accounts)) problems.push(`people: "${d}" is listed twice`);
}

function checkLinks(roster: Roster, problems: Problems): void {
	const authorities = new Set<string>(roster.authorities.map((a) => a.id));
	roster.crossNetworkLinks.forEach((link, i) => {
		link.between.forEach((id, j) => {
			if (!authorities.has(id)) problems.push(`crossNetworkLinks[${i}].between[${j}]: no authority "${id}" in this roster`);
		});
		if (link.between[0] === link.between[1]) problems.push(`crossNetworkLinks[${i}].between: an authority cannot be linked to itself`);
	});
}

/** All the problems of a roster, each naming its key; the roster itself when there are none. */
export function validateRoster(roster: Roster): Result<Roster, string[]> {
	const problems: Problems = [];
	checkNetworks(roster, problems);
	checkAuthorities(roster, problems);
	checkPeople(roster, problems);
	checkLinks(roster, problems);
	return problems.length === 0 ? ok(roster) : err(problems);
}
