// The plenary exchange mode (issue 12, docs/directory.md "Plenary exchange"):
// the people of one network's directory as the list of a meeting, one row per
// person with whether this user verified them, and the progress ("12 of 31
// verified"). Until issue 13 brings plenary records with participant lists,
// the attendees are the people the user marks present; the `present` set is
// the seam those lists will fill.
//
// The order is by authority then name, never by trust, so that no one moves
// when they become verified. The progress counts the people present when any
// are marked, else everyone in the network's list; the search words only
// narrow what is shown, so typing a name never changes the progress. Only
// people with a Matrix account can be verified, so only they are counted; an
// identity that changed since it was verified counts as not verified.
import type { AuthorityId, CountryCode } from '../../roster/types.ts';
import { accountOf } from '../fold/departures.ts';
import { authorityName } from '../search/search.ts';
import { matchesText } from '../search/texts.ts';
import type { AuthorityEntry, DirectoryView, PersonEntry } from '../types.ts';

/** What the reader's crypto says of a person (the web's UserTrust): `unknown` = no keys seen yet. */
export type ExchangeTrust = 'verified' | 'unverified' | 'changed' | 'unknown';

export interface AttendeeRow {
	/** Stable within the network: the person's authority and entry id (the key of the present set). */
	readonly key: string;
	readonly person: PersonEntry;
	/** The person's authority entry, when the directory has one. */
	readonly authority?: AuthorityEntry;
	/** The authority's own name, else the roster's, else its id. */
	readonly authorityName: string;
	/** The account to verify; absent for a person with no Matrix ID (shown, not counted). */
	readonly matrixId?: string;
	/** The trust read so far; undefined while not read, or for a person with no account. */
	readonly trust: ExchangeTrust | undefined;
	readonly verified: boolean;
	readonly present: boolean;
}

export interface AttendeeCounts {
	/** Verified people among those counted. */
	readonly verified: number;
	/** The people counted: those marked present when any are, else the whole list; with a Matrix account. */
	readonly total: number;
	/** How many people are marked present. */
	readonly present: number;
	/** Whether the counts are of the people present (some are marked) or of the whole list. */
	readonly of: 'present' | 'list';
}

export interface AttendeeInput {
	readonly view: DirectoryView;
	/** The reader's Matrix ID: left out of the list. */
	readonly self: string;
	/** The keys (attendeeKey) of the people marked present. */
	readonly present: ReadonlySet<string>;
	readonly trustOf: (matrixId: string) => ExchangeTrust | undefined;
	/** Words found in a name, Latin name, authority (id or names) or country (code or `countryName`). */
	readonly query?: string;
	/** Only the people marked present are shown (when any are). */
	readonly presentOnly?: boolean;
	/** The reader's locale, for the order of authorities and names. */
	readonly locale: string;
	/** A country's name in the reader's language, for the search words. */
	readonly countryName?: (code: CountryCode) => string;
	/** An authority's name from elsewhere (the roster), for one the directory has no entry of yet. */
	readonly rosterName?: (authority: AuthorityId) => string | undefined;
}

export interface AttendeeList {
	readonly rows: readonly AttendeeRow[];
	readonly counts: AttendeeCounts;
}

/** The key of a person in the present set: their authority and entry id. */
export const attendeeKey = (person: PersonEntry): string => `${person.authority} ${person.id}`;

function rowOf(person: PersonEntry, authority: AuthorityEntry | undefined, input: AttendeeInput): AttendeeRow {
	const key = attendeeKey(person);
	const matrixId = accountOf(person);
	const trust = matrixId === undefined ? undefined : input.trustOf(matrixId);
	const row: AttendeeRow = {
		key,
		person,
		authorityName: authority === undefined ? (input.rosterName?.(person.authority) ?? person.authority) : authorityName(authority),
		trust,
		verified: trust === 'verified',
		present: input.present.has(key),
	};
	return {
		...row,
		...(authority === undefined ? {} : { authority }),
		...(matrixId === undefined ? {} : { matrixId }),
	};
}

function matches(row: AttendeeRow, input: AttendeeInput): boolean {
	if (input.query === undefined || input.query.trim() === '') return true;
	const country = row.authority?.country;
	const fields = [
		row.person.name,
		row.person.latinName ?? '',
		row.person.authority,
		...(row.authority === undefined ? [] : Object.values(row.authority.names)),
		country ?? '',
		country === undefined || input.countryName === undefined ? '' : input.countryName(country),
	];
	return matchesText(input.query, fields);
}

function countsOf(rows: readonly AttendeeRow[]): AttendeeCounts {
	const present = rows.filter((r) => r.present).length;
	const of = present > 0 ? 'present' : 'list';
	const counted = rows.filter((r) => r.matrixId !== undefined && (of === 'list' || r.present));
	return { verified: counted.filter((r) => r.verified).length, total: counted.length, present, of };
}

/** The rows of the exchange list, in a stable order, and the progress. */
export function attendeeList(input: AttendeeInput): AttendeeList {
	const { view } = input;
	const authorities = new Map(view.authorities.map((a) => [a.entry.authority as string, a.entry]));
	const departed = new Set(view.departed.map((d) => `${d.authority} ${d.person}`));
	const order = new Intl.Collator(input.locale, { sensitivity: 'base', numeric: true });
	const everyone = view.people
		.map(({ entry }) => entry)
		.filter((person) => !departed.has(attendeeKey(person)) && accountOf(person) !== input.self)
		.map((person) => rowOf(person, authorities.get(person.authority), input))
		.sort(
			(a, b) =>
				order.compare(a.authorityName, b.authorityName) ||
				(a.person.authority < b.person.authority ? -1 : a.person.authority > b.person.authority ? 1 : 0) ||
				order.compare(a.person.name, b.person.name) ||
				(a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
		);
	const counts = countsOf(everyone);
	const narrowed = input.presentOnly === true && counts.present > 0 ? everyone.filter((r) => r.present) : everyone;
	return { rows: narrowed.filter((r) => matches(r, input)), counts };
}
