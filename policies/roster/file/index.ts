// The roster, site and people files (docs/decisions.md, "The roster and site
// files"): pure parsers and checks, text in, documents or errors out.
export { describeError, describeErrors, type RosterError } from './errors.ts';
export { parseRoster } from './parse-roster.ts';
export { parseSite } from './parse-site.ts';
export { parsePeople } from './parse-people.ts';
export { checkPeopleAgainstSite, checkSiteAgainstRoster } from './site-checks.ts';
export { notOnRogatory, rosterFromDocuments } from './convert.ts';
export type * from './roster-document.ts';
export type { SiteDocument, SiteReminders } from './site-document.ts';
export type { PeopleDocument, PersonEntry } from './people-document.ts';
export {
	readDeployment,
	readPeopleFile,
	readRoster,
	readSite,
	readSiteFile,
	rosterLabel,
	type Deployment,
	type FileAccess,
	type LoadedRoster,
	type LoadedSite,
} from './deployment.ts';
