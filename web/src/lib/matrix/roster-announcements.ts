// The roster announcements of a network's announcements room, as this
// browser decrypted them (docs/roster-updates.md): plain events for
// lib/roster-updates/announced.ts, which decides what counts. No UI.
import { ROSTER_UPDATE_KEY } from '#policies/roster-update/index.ts';
import type { Room } from './sdk.ts';

export interface RosterAnnouncementEvent {
	readonly eventId: string;
	readonly sender: string;
	readonly content: Readonly<Record<string, unknown>>;
}

/** The room's messages carrying a roster announcement, decrypted and sent back by the server, in timeline order. */
export function rosterAnnouncementEvents(room: Room): RosterAnnouncementEvent[] {
	return room
		.getLiveTimeline()
		.getEvents()
		.flatMap((event) => {
			const id = event.getId();
			if (event.status !== null || id === undefined || !id.startsWith('$')) return [];
			if (event.isDecryptionFailure() || event.isRedacted() || event.getType() !== 'm.room.message') return [];
			const content = event.getOriginalContent();
			return ROSTER_UPDATE_KEY in content ? [{ eventId: id, sender: event.getSender() ?? '', content }] : [];
		});
}
