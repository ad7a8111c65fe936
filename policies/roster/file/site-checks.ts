// A site and its people file held against the roster: the site's authority is
// in the roster and has a homeserver (an installation needs one), and the
// people file is that authority's, naming only declared networks.
import type { RosterError } from './errors.ts';
import type { PeopleDocument } from './people-document.ts';
import type { RosterDocument } from './roster-document.ts';
import type { SiteDocument } from './site-document.ts';
import { errorAt } from './source-map.ts';

export function checkSiteAgainstRoster(site: SiteDocument, roster: RosterDocument): RosterError[] {
	const authority = roster.authorities.find((a) => a.id === site.authority);
	if (authority === undefined)
		return [errorAt(site.source, 'authority', `"${site.authority}" is not an authority of the roster (version ${roster.version}).`)];
	if (authority.homeserver === undefined)
		return [
			errorAt(
				site.source,
				'authority',
				`"${site.authority}" has no homeserver in the roster (version ${roster.version}): it is not yet on Rogatory, so no installation can run as it. Add its homeserver to the roster first.`,
			),
		];
	return [];
}

export function checkPeopleAgainstSite(people: PeopleDocument, site: SiteDocument, roster: RosterDocument): RosterError[] {
	const errors: RosterError[] = [];
	if (people.authority !== site.authority)
		errors.push(
			errorAt(people.source, 'authority', `"${people.authority}" is not this site's authority ("${site.authority}", ${site.source.file}).`),
		);
	const networks = new Set(roster.networks.map((n) => n.id));
	people.people.forEach((p, i) => {
		if (p.secretariatOf !== undefined && !networks.has(p.secretariatOf))
			errors.push(errorAt(people.source, `people[${i}].secretariat_of`, `"${p.secretariatOf}" is not a network of the roster.`));
	});
	return errors;
}
