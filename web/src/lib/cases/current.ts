// The case rooms of the page's open session, for the case routes.
import type { Roster } from '#policies/roster/types.ts';
import type { Session } from '../session/session.svelte.ts';
import { caseRoomsFor, type CaseRooms } from './case-rooms.svelte.ts';
import { casePartiesOf, type PartyServer } from './parties.ts';

/** `roster`: the one the web server loaded, from the signed-in pages' data (no people). */
export function currentCaseRooms(session: Session, deployed: readonly PartyServer[], roster: Roster): CaseRooms | undefined {
	const client = session.client;
	return client === undefined ? undefined : caseRoomsFor(client, casePartiesOf(deployed, roster));
}
