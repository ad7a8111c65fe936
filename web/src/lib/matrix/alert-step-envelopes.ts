// A case room's alert steps (policies/alerts/step-event.ts) as their reader
// takes them: the decrypted events of type `org.rogatory.alert.step` the
// server sent back, each with whether it counts under the trust rule
// (policies/trust, as every case event); alertStepsOf keeps the ones from the
// reader's own bridge. Read by the case-room feed's timeline (case-timeline.ts).
import { ALERT_STEP_TYPE, type AlertStepEnvelope } from '#policies/alerts/index.ts';
import type { Room } from './sdk.ts';

export function alertStepEnvelopes(room: Room, counts: (eventId: string) => boolean): AlertStepEnvelope[] {
	const envelopes: AlertStepEnvelope[] = [];
	for (const event of room.getLiveTimeline().getEvents()) {
		if (event.status !== null || event.isDecryptionFailure() || event.isRedacted() || event.getType() !== ALERT_STEP_TYPE) continue;
		const id = event.getId();
		if (id === undefined || !id.startsWith('$')) continue;
		envelopes.push({
			eventId: id,
			sender: event.getSender() ?? '',
			type: ALERT_STEP_TYPE,
			content: event.getContent(),
			counts: counts(id),
		});
	}
	return envelopes;
}
