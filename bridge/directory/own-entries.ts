// The bridge's own authority's current directory entries, as it re-sends
// them to a late joiner (docs/directory.md, "Late joiners"): per entry (the
// authority entry, each person by id — a `removed` replaces the person it
// names) the payload with the latest `updated.at`, ties to the greater event
// ID, so a late or replayed older entry never overwrites a newer one. Only
// what the caller admitted reaches it: events that count (policies/trust)
// from this bridge or one of its authority's editors. Pure.
// NOTE: a simple fold of this authority's entries only; the readers' full
// fold (policies/directory foldDirectory) also applies the trust chain, which
// the caller does here by admitting only its bridge's and editors' events.
import { parseDirectoryContent, type DirectoryPayload } from '../../policies/directory/index.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';

export interface OwnEntry {
	readonly payload: DirectoryPayload;
	readonly eventId: string;
}

/** Entry key → its latest payload. */
export type OwnEntries = Readonly<Record<string, OwnEntry>>;

/** The directory payload of `content` when it is a valid `authority`, `person` or `removed` entry about `authority`. */
export function readOwnPayload(content: unknown, authority: AuthorityId): DirectoryPayload | undefined {
	const parsed = parseDirectoryContent(content);
	if (!parsed.ok) return undefined;
	const payload = parsed.value;
	switch (payload.type) {
		case 'authority':
		case 'person':
			return payload.entry.authority === authority ? payload : undefined;
		case 'removed':
			return payload.authority === authority ? payload : undefined;
		case 'contact':
		case 'editors':
			// NOTE: a `contact` counts only in the 24/7 room (readOwnContact).
			return undefined;
	}
}

/** The payload of `content` when it is a valid `contact` about one of `authority`'s people (the 24/7 room's only entries). */
export function readOwnContact(content: unknown, authority: AuthorityId): DirectoryPayload | undefined {
	const parsed = parseDirectoryContent(content);
	return parsed.ok && parsed.value.type === 'contact' && parsed.value.authority === authority ? parsed.value : undefined;
}

/** Which entry a payload is about. */
export function entryKey(payload: DirectoryPayload): string {
	switch (payload.type) {
		case 'authority':
			return 'authority';
		case 'person':
			return `person:${payload.entry.id}`;
		case 'removed':
			return `person:${payload.person}`;
		case 'contact':
			return `contact:${payload.person}`;
		case 'editors':
			return 'editors';
	}
}

/** The entries with `payload` taken when it is the latest of its entry. */
export function takeEntry(entries: OwnEntries, payload: DirectoryPayload, eventId: string): OwnEntries {
	const key = entryKey(payload);
	const current = entries[key];
	if (current !== undefined) {
		const [now, then] = [Date.parse(payload.updated.at), Date.parse(current.payload.updated.at)];
		if (!(now > then) && !(now === then && eventId > current.eventId)) return entries;
	}
	return { ...entries, [key]: { payload, eventId } };
}
