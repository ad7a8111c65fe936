// The case rooms of the page's open session, for the case routes.
import type { Session } from '../session/session.svelte.ts';
import { caseRoomsFor, type CaseRooms } from './case-rooms.svelte.ts';
import { casePartiesOf, type PartyServer } from './parties.ts';

export function currentCaseRooms(session: Session, deployed: readonly PartyServer[]): CaseRooms | undefined {
	const client = session.client;
	return client === undefined ? undefined : caseRoomsFor(client, casePartiesOf(deployed));
}
