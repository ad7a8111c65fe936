// Shared test data for the case modules: a room between the demo roster's
// Guatemala (requesting) and Nigeria (requested) authorities, users on each
// side and on a third homeserver, and helpers that wrap payloads in envelopes
// the way the client hands them to the fold. Used by tests only.
import { demoRoster, GUATEMALA, KAZAKHSTAN, NIGERIA } from '../../roster/testing/demo.ts';
import type { AuthorityId } from '../../roster/types.ts';
import { transitionIdOf, type CaseReference, type TransitionId } from '../ids/case.ts';
import { offence, status, workflowId } from '../ids/codes.ts';
import type { EventId, RoomId, UserId } from '../ids/matrix.ts';
import { buildCaseContent } from '../events/build.ts';
import type { CaseEvent, Opened, Transition } from '../events/types.ts';
import { rendererFor } from '../i18n/render.ts';
import { serversFromRoster } from '../fold/parties.ts';
import type { CaseEventEnvelope, FoldContext } from '../fold/types.ts';

export const ROOM = '!Rk8hXb2v:matrix.mp.gt.rogatory.example' as RoomId;
export const OTHER_ROOM = '!PresV9aQ:matrix.ca.ng.rogatory.example' as RoomId;

export const user = (localpart: string, homeserver: string) => `@${localpart}:${homeserver}` as UserId;
export const ANA = user('ana.lopez', GUATEMALA.homeserver);
export const CARLOS = user('carlos.mendez', GUATEMALA.homeserver);
export const AMINA = user('amina.bello', NIGERIA.homeserver);
export const TUNDE = user('tunde.adeyemi', NIGERIA.homeserver);
export const AIGERIM = user('aigerim.nurlanova', KAZAKHSTAN.homeserver);
export const REQUESTING_USERS = [ANA, CARLOS] as const;
export const REQUESTED_USERS = [AMINA, TUNDE] as const;

export const CONTEXT: FoldContext = { room: ROOM, roster: demoRoster, servers: serversFromRoster(demoRoster) };

export const OPENED: Opened = {
	type: 'opened',
	kind: 'mla',
	workflow: workflowId('mla.v1'),
	requesting: GUATEMALA.id,
	requested: NIGERIA.id,
	fields: {
		title: 'Bank records, Operación Cóndor',
		requestingReference: 'MP-FECO-2025-0113' as CaseReference,
		legalBasis: { type: 'untoc', citation: 'UNTOC art. 18' },
		offences: [
			{ code: offence('drug-trafficking'), serious: true },
			{ code: offence('money-laundering'), serious: true },
		],
		urgency: 'urgent',
		channel: 'formal',
	},
};

export const OPENING_ID = '$open' as EventId;
export const ROOT: TransitionId = transitionIdOf(OPENING_ID);

/** Content built the way a Rogatory client sends it. */
export function content(event: CaseEvent): unknown {
	const built = buildCaseContent(event, rendererFor('en'));
	if (!built.ok) throw new Error(`fixture does not build: ${built.error.reason}`);
	return built.value;
}

export function envelope(eventId: string, sender: UserId, originServerTs: number, event: CaseEvent): CaseEventEnvelope {
	return { eventId: eventId as EventId, sender, originServerTs, content: content(event) };
}

export const opening = (ts = 1000, sender: UserId = ANA) => envelope(OPENING_ID, sender, ts, OPENED);

export function move(follows: string, from: string, to: string, reason?: string): Transition {
	const base = { type: 'transition', follows: follows as TransitionId, from: status(from), to: status(to) } as const;
	return reason === undefined ? base : { ...base, reason };
}

export const authority = (id: string) => id as AuthorityId;
