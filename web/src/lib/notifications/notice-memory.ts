// What the notification centre keeps in this browser, per account: when the
// person last looked at each case (a room ID and a time name no content) and
// the categories they turned off, and whether this device's browser
// notifications may show a request's title. Kept in localStorage, which signing out
// clears; a broken or missing record is simply an empty one.
import { NOTICE_CATEGORIES, type NoticeCategory, type NoticeMemory } from './notices.ts';

export interface NoticeMemoryStore {
	read(): NoticeMemory;
	markSeen(room: string, at: number): NoticeMemory;
	setCategory(category: NoticeCategory, on: boolean): NoticeMemory;
	setDetails(on: boolean): NoticeMemory;
}

const EMPTY: NoticeMemory = { seen: {}, off: [] };
/** Rooms remembered at most: the oldest looks are forgotten first (a forgotten room's old notices show as unread again). */
export const MAX_SEEN_ROOMS = 2_000;

function parse(text: string | null): NoticeMemory {
	try {
		const kept: unknown = JSON.parse(text ?? 'null');
		if (typeof kept !== 'object' || kept === null) return EMPTY;
		const { seen, off, details } = kept as Record<string, unknown>;
		const rooms =
			typeof seen === 'object' && seen !== null && !Array.isArray(seen)
				? Object.fromEntries(Object.entries(seen).filter(([, at]) => typeof at === 'number' && Number.isFinite(at)))
				: {};
		const categories = Array.isArray(off) ? NOTICE_CATEGORIES.filter((c) => off.includes(c)) : [];
		return details === true ? { seen: rooms, off: categories, details: true } : { seen: rooms, off: categories };
	} catch {
		return EMPTY;
	}
}

export function noticeMemory(key: string, storage: Storage | undefined, maxRooms = MAX_SEEN_ROOMS): NoticeMemoryStore {
	const read = (): NoticeMemory => parse(storage?.getItem(key) ?? null);
	const write = (memory: NoticeMemory): NoticeMemory => {
		try {
			storage?.setItem(key, JSON.stringify(memory));
		} catch {
			// Storage full or refused: kept for this page only.
		}
		return memory;
	};
	return {
		read,
		markSeen: (room, at) => {
			const memory = read();
			if ((memory.seen[room] ?? -Infinity) >= at) return memory;
			let seen = Object.entries({ ...memory.seen, [room]: at });
			if (seen.length > maxRooms) seen = seen.sort(([, a], [, b]) => b - a).slice(0, maxRooms);
			return write({ ...memory, seen: Object.fromEntries(seen) });
		},
		setCategory: (category, on) => {
			const memory = read();
			const off = on ? memory.off.filter((c) => c !== category) : [...new Set([...memory.off, category])];
			return write({ ...memory, off: NOTICE_CATEGORIES.filter((c) => off.includes(c)) });
		},
		setDetails: (on) => {
			const { details: _, ...memory } = read();
			return write(on ? { ...memory, details: true } : memory);
		},
	};
}
