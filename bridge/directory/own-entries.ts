// The bridge's own authority's current directory entries, as it re-sends
// them to a late joiner (docs/directory.md, "Late joiners"): per entry (the
// authority entry, each person by id — a `removed` replaces the person it
// names) the payload with the latest `updated.at`, ties to the greater event
// ID, so a late or replayed older entry never overwrites a newer one. Only
// what the caller admitted reaches it: events that count (policies/trust)
// from this bridge or one of its authority's editors. Pure.
// TEMP until dir-core lands: the payload check here is the minimum the
// re-send needs; policies/directory's parseDirectoryContent and foldDirectory
// replace readOwnPayload and takeEntry.
import type { DirectoryPayload } from '../../policies/directory/types.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { DIRECTORY_KEY } from './temp-build.ts';

export interface OwnEntry {
	readonly payload: DirectoryPayload;
	readonly eventId: string;
}

/** Entry key → its latest payload. */
export type OwnEntries = Readonly<Record<string, OwnEntry>>;

const record = (value: unknown): Record<string, unknown> | undefined =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** The directory payload of `content` when it is an `authority`, `person` or `removed` entry about `authority`. */
export function readOwnPayload(content: unknown, authority: AuthorityId): DirectoryPayload | undefined {
	const payload = record(record(content)?.[DIRECTORY_KEY]);
	const updated = record(payload?.['updated']);
	if (payload === undefined || payload['version'] !== 1 || typeof updated?.['at'] !== 'string' || typeof updated['by'] !== 'string')
		return undefined;
	const { version: _version, ...rest } = payload;
	const entry = record(payload['entry']);
	switch (payload['type']) {
		case 'authority':
			return entry?.['authority'] === authority ? (rest as unknown as DirectoryPayload) : undefined;
		case 'person':
			return entry?.['authority'] === authority && typeof entry['id'] === 'string' ? (rest as unknown as DirectoryPayload) : undefined;
		case 'removed':
			return payload['authority'] === authority && typeof payload['person'] === 'string'
				? (rest as unknown as DirectoryPayload)
				: undefined;
		default:
			return undefined;
	}
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
