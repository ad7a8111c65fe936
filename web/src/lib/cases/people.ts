// People as the case page names them: by the display name they chose in the
// room, with their authority's name from the roster; the Matrix ID only where
// no display name exists (the page offers it on hover or focus otherwise).
// An authority's bridge bot is named as its authority's bot ("Guatemala's
// Rogatory bot", lib/people/bot.ts), whatever display name it set.
import { serverNameOf } from '#policies/cases/index.ts';
import type { AuthorityId, Roster } from '#policies/roster/types.ts';
import * as m from '../paraglide/messages.js';
import { getLocale } from '../paraglide/runtime.js';
import { botName, isBridgeBot } from '../people/bot.ts';
import { authorityName } from './labels.ts';

export interface Person {
	readonly id: string;
	/** The display name the person set; undefined when they set none. */
	readonly name: string | undefined;
	/** Their authority's name, from their homeserver; undefined for a server the roster does not know. */
	readonly authority: string | undefined;
}

export interface Directory {
	readonly roster: Roster;
	/** Server name (as in user IDs) → authority. */
	readonly servers: ReadonlyMap<string, AuthorityId>;
	/** Display names by user ID. */
	readonly names: ReadonlyMap<string, string>;
}

export function personOf(id: string, directory: Directory): Person {
	const authority = directory.servers.get(serverNameOf(id));
	const country = authority === undefined ? undefined : directory.roster.authorities.find((a) => a.id === authority)?.country;
	if (country !== undefined && isBridgeBot(id)) return { id, name: botName(country, getLocale()), authority: undefined };
	return { id, name: directory.names.get(id), authority: authority === undefined ? undefined : authorityName(directory.roster, authority) };
}

/** The person in words: "Name, Authority", the name alone, or the ID when no name was set. */
export function personLabel(person: Person): string {
	if (person.name === undefined) return person.id;
	return person.authority === undefined ? person.name : m.person_of_authority({ name: person.name, authority: person.authority });
}
