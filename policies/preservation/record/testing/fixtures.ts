// Shared test data for the preservation record: the case fixtures' room and
// users (Guatemala requesting, Nigeria requested, Kazakhstan a stranger) and
// helpers that wrap preservation payloads in envelopes. Tests only.
import { GUATEMALA, NIGERIA } from '../../../roster/testing/demo.ts';
import { CONTEXT as CASE_CONTEXT, ROOM } from '../../../cases/testing/fixtures.ts';
import type { EventId, UserId } from '../../../cases/ids/matrix.ts';
import type { RuleId } from '../../types.ts';
import { buildPreservationContent } from '../build.ts';
import type { PreservationContext, PreservationEnvelope } from '../fold.ts';
import type { PreservationEvent, PreservationRequested } from '../types.ts';

export { AIGERIM, AMINA, ANA, OTHER_ROOM, ROOM } from '../../../cases/testing/fixtures.ts';

export const PCONTEXT: PreservationContext = {
	room: ROOM,
	parties: { requesting: GUATEMALA.id, requested: NIGERIA.id },
	servers: CASE_CONTEXT.servers,
};

export const REQUEST: PreservationRequested = {
	type: 'preservation-requested',
	custodian: 'Example Mail Ltd.',
	identifiers: ['suspect@example.com', '+234 800 000 0000'],
	ranges: ['2025-01-01 to 2025-03-31 UTC'],
	rule: 'us-2703f' as RuleId,
	sent: '2026-01-05T09:00-06:00',
};

export const REQUEST_ID = '$req' as EventId;

export function content(event: PreservationEvent): unknown {
	const built = buildPreservationContent(event, 'en');
	if (!built.ok) throw new Error(`fixture does not build: ${built.error.reason}`);
	return built.value;
}

/**
 * When the fixtures' events are sent: `offset` milliseconds after the last of
 * the dates they carry (a confirmation may not date itself later than its own
 * event), so the small offsets keep the order readable.
 */
export const SENT_AFTER = Date.parse('2027-06-01T00:00:00Z');

export const envelope = (eventId: string, sender: UserId, offset: number, event: PreservationEvent): PreservationEnvelope => ({
	eventId,
	sender,
	originServerTs: SENT_AFTER + offset,
	content: content(event),
});

export const confirm = (confirmedAt: string, preservation: EventId = REQUEST_ID): PreservationEvent => ({
	type: 'preservation-confirmed',
	preservation,
	confirmedAt,
});
export const extend = (extension: number, preservation: EventId = REQUEST_ID): PreservationEvent => ({
	type: 'preservation-extended',
	preservation,
	extension,
});
