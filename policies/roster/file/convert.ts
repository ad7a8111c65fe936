// From the files' documents to the Roster the code uses today
// (policies/roster/types.ts), so that wiring the files in changes no consumer.
// NOTE: the Roster type has no place yet for what the files add; it is left
// out here, on purpose, rather than half expressed:
// - authorities without a homeserver ("not yet on Rogatory") are left out,
//   with the links that name them: every consumer assumes a homeserver
//   (deploy/config/topology.ts plans one per authority); notOnRogatory()
//   lists them for whoever must say so;
// - authorities' names in other languages (authorities are shown by their
//   official `name`; networks by their name in the reader's language);
// - client URLs (the production generator derives https://<server name>);
// - secretariats as organisations with their own homeserver: today a
//   secretariat is people on a member's server (Person.secretariatOf) and a
//   service account on the member's homeserver its entry's `hosted_by` names
//   (Network.secretariatHost);
// - the roster's version (deploy/roster/load.ts returns it with the hash).
import type { Authority, AuthorityId, CountryCode, CrossNetworkLink, Network, NetworkId, Person, Roster } from '../types.ts';
import type { PeopleDocument } from './people-document.ts';
import type { AuthorityEntry, NetworkEntry, RosterDocument } from './roster-document.ts';

const network = (entry: NetworkEntry, host: string | undefined): Network => ({
	id: entry.id as NetworkId,
	name: entry.names.en,
	names: entry.names,
	region: entry.region,
	languages: entry.languages,
	...(host === undefined ? {} : { secretariatHost: host as AuthorityId }),
	...(entry.applicants === undefined || entry.applicants.length === 0 ? {} : { applicants: entry.applicants as AuthorityId[] }),
});

const authority = (entry: AuthorityEntry, serverName: string): Authority => ({
	id: entry.id as AuthorityId,
	name: entry.name,
	country: entry.country as CountryCode,
	homeserver: serverName,
	timeZone: entry.timeZone,
	languages: entry.languages,
	memberships: entry.memberships.map((m) => ({
		network: m.network as NetworkId,
		status: m.status,
		...(m.since === undefined ? {} : { since: m.since }),
	})),
});

const people = (file: PeopleDocument): Person[] =>
	file.people.map((p) => ({
		localpart: p.localpart,
		displayName: p.displayName,
		authority: file.authority as AuthorityId,
		roles: p.roles,
		language: p.language,
		...(p.secretariatOf === undefined ? {} : { secretariatOf: p.secretariatOf as NetworkId }),
	}));

/** The roster's authorities that have no homeserver yet, in roster order. */
export function notOnRogatory(roster: RosterDocument): AuthorityId[] {
	return roster.authorities.filter((a) => a.homeserver === undefined).map((a) => a.id as AuthorityId);
}

/** The Roster of today's types: the authorities on Rogatory, their links, and the people of the given people files. */
export function rosterFromDocuments(roster: RosterDocument, peopleFiles: readonly PeopleDocument[]): Roster {
	const authorities = roster.authorities.flatMap((a) => (a.homeserver === undefined ? [] : [authority(a, a.homeserver.serverName)]));
	const present = new Set<string>(authorities.map((a) => a.id));
	const crossNetworkLinks: CrossNetworkLink[] = roster.links
		.filter((l) => l.between.every((id) => present.has(id)))
		.map((l) => ({ between: [l.between[0] as AuthorityId, l.between[1] as AuthorityId], why: l.why }));
	return {
		networks: roster.networks.map((n) => network(n, roster.secretariats.find((s) => s.network === n.id)?.hostedBy)),
		authorities,
		people: peopleFiles.flatMap(people),
		crossNetworkLinks,
	};
}
