// Which roster announcements of a network's announcements room an
// administrator is offered (docs/roster-updates.md): those the trust rule
// counts, sent by the secretariat (its service account, or staff it gave the
// secretariat's power in that room), carrying a well-formed announcement of a
// version newer than the one this site runs. The next version (N + 1) is
// the one to apply; a later one waits for it. Pure: the SDK side hands in
// plain events, and the secretariat's accounts (networks/rooms.ts
// secretariatAccounts: who speaks for it in that room).
import { parseRosterAnnouncement } from '#policies/roster-update/index.ts';

export interface AnnouncementEvent {
	readonly eventId: string;
	readonly sender: string;
	readonly content: Readonly<Record<string, unknown>>;
	/** The trust rule's verdict: undefined while not judged yet (it does not count until then). */
	readonly counts: boolean | undefined;
}

export interface Announced {
	readonly eventId: string;
	readonly sender: string;
	readonly version: number;
	readonly content: Readonly<Record<string, unknown>>;
}

export interface Offered {
	/** The announcement of the next version (running + 1), the latest one sent if there are several. */
	readonly next: Announced | undefined;
	/** The newest version announced beyond the next one, if any: applied in order, after it. */
	readonly later: number | undefined;
}

/** What to offer, from the room's events in timeline order. */
export function offeredUpdate(events: readonly AnnouncementEvent[], running: number, secretariat: ReadonlySet<string>): Offered {
	const announced = events.flatMap((e): Announced[] => {
		if (e.counts !== true || !secretariat.has(e.sender)) return [];
		const parsed = parseRosterAnnouncement(e.content);
		return parsed.ok && parsed.value.version > running
			? [{ eventId: e.eventId, sender: e.sender, version: parsed.value.version, content: e.content }]
			: [];
	});
	const next = announced.filter((a) => a.version === running + 1).at(-1);
	const beyond = announced.filter((a) => a.version > running + 1).map((a) => a.version);
	return { next, later: beyond.length === 0 ? undefined : Math.max(...beyond) };
}
