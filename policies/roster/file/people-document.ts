// The people file as read: an authority's own accounts and their roles, read
// only by that authority's programs (never part of the shared roster).
import type { Language, Role } from '../types.ts';
import type { SourceMap } from './source-map.ts';

export interface PersonEntry {
	/** Matrix localpart on the authority's homeserver, e.g. "ana.lopez". */
	readonly localpart: string;
	readonly displayName: string;
	readonly roles: readonly Role[];
	/** The language the person's interface and reminders use. */
	readonly language: Language;
	/** For a secretariat account: the network it runs (the `secretariat` role goes with it). */
	readonly secretariatOf?: string;
	/**
	 * Where the bridge mails the person content-free alerts (issue 16: an
	 * urgent request waits, an escalation). The people file is the first
	 * source; the person's own setting in the web app comes later.
	 */
	readonly email?: string;
}

export interface PeopleDocument {
	/** Whose people these are: the site's authority. */
	readonly authority: string;
	readonly people: readonly PersonEntry[];
	readonly source: SourceMap;
}
