// The directories of the page's open session, for the directory routes and
// the new-request form.
import type { Roster } from '#policies/roster/types.ts';
import { casePartiesOf, type PartyServer } from '../cases/parties.ts';
import type { Session } from '../session/session.svelte.ts';
import { directoriesFor, type Directories } from './directories.svelte.ts';

/** `roster`: the one the web server loaded, from the signed-in pages' data (no people). */
export function currentDirectories(session: Session, deployed: readonly PartyServer[], roster: Roster): Directories | undefined {
	const client = session.client;
	return client === undefined ? undefined : directoriesFor(client, casePartiesOf(deployed, roster));
}
