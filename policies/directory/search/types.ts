// What the directory's search and its finder take and give.
import type { OffenceCode } from '../../cases/ids/codes.ts';
import type { CountryCode, NetworkId } from '../../roster/types.ts';
import type { Reachability } from '../reach/reach.ts';
import type { AuthorityEntry, DirectoryRole, Measure, PersonEntry } from '../types.ts';

/** Every field narrows the search; none given finds everyone. */
export interface DirectoryQuery {
	/** Words found in a name, Latin name, title or authority name, case and accents ignored. */
	readonly text?: string;
	readonly country?: CountryCode;
	/** People with this role (authorities are left out). */
	readonly role?: DirectoryRole;
	/** A BCP 47 tag; "es" finds "es-GT". People by their languages, authorities by their request languages. */
	readonly language?: string;
	readonly measure?: Measure;
	/** When true, only people reachable now (authorities are left out); false or absent does not narrow. */
	readonly reachableNow?: boolean;
	readonly network?: NetworkId;
}

export interface PersonHit {
	readonly kind: 'person';
	readonly network: NetworkId;
	readonly person: PersonEntry;
	/** The person's authority entry, when the directory has one. */
	readonly authority?: AuthorityEntry;
	readonly reachability: Reachability;
	readonly reachableNow: boolean;
	/** A 24/7 point: the role, or named the authority's point247. */
	readonly point247: boolean;
}

export interface AuthorityHit {
	readonly kind: 'authority';
	readonly network: NetworkId;
	readonly authority: AuthorityEntry;
}

export type DirectoryHit = PersonHit | AuthorityHit;

export interface FinderQuery {
	readonly measure: Measure;
	readonly country: CountryCode;
	readonly offence?: OffenceCode;
}

export interface RankedContact {
	readonly person: PersonEntry;
	readonly reachability: Reachability;
	readonly reachableNow: boolean;
	readonly point247: boolean;
	readonly speaksReaderLanguage: boolean;
}

/** A competent authority for a measure in a country, with what to send it and whom to call. */
export interface FinderResult {
	readonly network: NetworkId;
	readonly authority: AuthorityEntry;
	readonly requirements: string;
	/** The BCP 47 tag `requirements` is written in (for the page's `lang` attribute). */
	readonly requirementsLanguage: string;
	readonly urgentProcedure: string;
	readonly urgentProcedureLanguage: string;
	/** Central-authority officers and focal points first, then 24/7 points, reachable now, speaking the reader's language. */
	readonly contacts: readonly RankedContact[];
}
