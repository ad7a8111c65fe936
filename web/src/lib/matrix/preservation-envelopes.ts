// A case room's preservation events as the preservation fold takes them: the
// same rules as the case envelopes (lib/matrix/cases.ts) — events that count
// under the trust rule (policies/trust) only, and our own only once the server
// has echoed them, so every side folds the same origin_server_ts — for content
// under `org.rogatory.preservation`.
// Read by the case-room feed's timeline (case-timeline.ts), beside the case
// envelopes of cases.ts.
import { PRESERVATION_KEY, type PreservationEnvelope } from '#policies/preservation/record/index.ts';
import type { Room } from './sdk.ts';

export function preservationEnvelopes(room: Room, counts: (eventId: string) => boolean): PreservationEnvelope[] {
	const envelopes: PreservationEnvelope[] = [];
	for (const event of room.getLiveTimeline().getEvents()) {
		if (event.status !== null || event.isDecryptionFailure() || event.getType() !== 'm.room.message') continue;
		const id = event.getId();
		if (id === undefined || !id.startsWith('$') || !(PRESERVATION_KEY in event.getContent()) || !counts(id)) continue;
		envelopes.push({ eventId: id, sender: event.getSender() ?? '', originServerTs: event.getTs(), content: event.getContent() });
	}
	return envelopes;
}
