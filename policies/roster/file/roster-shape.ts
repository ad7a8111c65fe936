// The roster file's shape, key by key (docs/decisions.md, "The roster and site
// files"): what each entry must carry and in which form. Checks across entries
// (references, duplicates) are in roster-checks.ts.
import { integer, list, oneOf, optional, record, required, text, type Reader } from './read.ts';
import { authorityId, country, httpUrl, isoDate, language, networkId, serverName, timeZone, translations } from './values.ts';

const languages = (what: string) => list(language, { nonEmpty: `${what} needs at least one language.` });

/** Every one of the five languages: a network is named in each. */
const allNames = record({
	en: required('en', text()),
	es: required('es', text()),
	fr: required('fr', text()),
	pt: required('pt', text()),
	ru: required('ru', text()),
});

export const homeserverEntry = record({
	serverName: required('server_name', serverName),
	clientUrl: required('client_url', httpUrl),
});

const network = record({
	id: required('id', networkId),
	names: required('names', allNames),
	region: required('region', text()),
	languages: required('languages', languages('A network')),
	applicants: optional('applicants', list(authorityId)),
});

const membership = record({
	network: required('network', networkId),
	status: required('status', oneOf(['member', 'observer'] as const)),
	since: optional('since', isoDate),
});

const authority = record({
	id: required('id', authorityId),
	name: required('name', text()),
	names: optional('names', translations),
	country: required('country', country),
	homeserver: optional('homeserver', homeserverEntry),
	timeZone: required('time_zone', timeZone),
	languages: required('languages', languages('An authority')),
	// NOTE: may be empty for an applicant, which belongs to no network yet (roster-checks.ts says so otherwise).
	memberships: required('memberships', list(membership)),
});

const pair: Reader<[string, string]> = (node, path, context) => {
	const ids = list(authorityId)(node, path, context);
	if (ids === undefined) return undefined;
	if (ids.length === 2) return [ids[0] as string, ids[1] as string];
	context.problems.push({ path, line: node.line, message: `must name exactly two authorities, not ${ids.length}.` });
	return undefined;
};

const link = record({
	between: required('between', pair),
	why: required('why', text()),
});

const secretariat = record({
	network: required('network', networkId),
	name: required('name', text()),
	names: optional('names', translations),
	homeserver: optional('homeserver', homeserverEntry),
	hostedBy: optional('hosted_by', authorityId),
});

const positive = integer((v) => (v >= 1 ? undefined : `${v} must be a positive whole number (1, 2, …): raise it with every change.`));

export const rosterShape = record({
	version: required('version', positive),
	networks: required('networks', list(network, { nonEmpty: 'A roster declares at least one network.' })),
	authorities: required('authorities', list(authority)),
	links: optional('links', list(link)),
	secretariats: optional('secretariats', list(secretariat)),
});
