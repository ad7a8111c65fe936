// A case room's alert events as their reader takes them: the decrypted events
// of type `org.rogatory.alert.step` (policies/alerts/step-event.ts) and the
// m.room.message acknowledgements of alerts (policies/alerts/alert-ack.ts) the
// server sent back, each with whether it counts under the trust rule
// (policies/trust, as every case event); alertStepsOf keeps the ones from the
// reader's own bridge, alertAcksOf those of the reader's own homeserver. Read
// by the case-room feed's timeline (case-timeline.ts).
import { ALERT_STEP_TYPE, isAlertAck, type AlertAckEnvelope, type AlertStepEnvelope } from '#policies/alerts/index.ts';
import type { MatrixEvent, Room } from './sdk.ts';

/** The room's sent, decrypted, unredacted events that `take` keeps, with their event IDs. */
function sentEvents(room: Room, take: (event: MatrixEvent) => boolean): { id: string; event: MatrixEvent }[] {
	const kept: { id: string; event: MatrixEvent }[] = [];
	for (const event of room.getLiveTimeline().getEvents()) {
		if (event.status !== null || event.isDecryptionFailure() || event.isRedacted() || !take(event)) continue;
		const id = event.getId();
		if (id !== undefined && id.startsWith('$')) kept.push({ id, event });
	}
	return kept;
}

export function alertStepEnvelopes(room: Room, counts: (eventId: string) => boolean): AlertStepEnvelope[] {
	return sentEvents(room, (e) => e.getType() === ALERT_STEP_TYPE).map(({ id, event }) => ({
		eventId: id,
		sender: event.getSender() ?? '',
		type: ALERT_STEP_TYPE,
		content: event.getContent(),
		counts: counts(id),
	}));
}

export function alertAckEnvelopes(room: Room, counts: (eventId: string) => boolean): AlertAckEnvelope[] {
	return sentEvents(room, (e) => e.getType() === 'm.room.message' && isAlertAck(e.getContent())).map(({ id, event }) => ({
		sender: event.getSender() ?? '',
		originServerTs: event.getTs(),
		content: event.getContent(),
		counts: counts(id),
	}));
}
