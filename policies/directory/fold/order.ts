// Which of two payloads about the same entry wins: the later `updated.at`
// (compared as instants, so offsets do not matter), ties broken by the
// greater event ID, so every reader picks the same one in any arrival order.
import type { AuthorityId } from '../../roster/types.ts';
import { instantMs } from '../events/values.ts';
import type { DirectoryPayload } from '../types.ts';

export interface Counted<P extends DirectoryPayload = DirectoryPayload> {
	readonly eventId: string;
	readonly sender: string;
	readonly payload: P;
	/** `payload.updated.at` in milliseconds. */
	readonly at: number;
}

export const counted = <P extends DirectoryPayload>(eventId: string, sender: string, payload: P): Counted<P> => ({
	eventId,
	sender,
	payload,
	at: instantMs(payload.updated.at),
});

/** Whether `a` supersedes `b`. */
export function isLater(a: Counted, b: Counted): boolean {
	if (a.at !== b.at) return a.at > b.at;
	return a.eventId > b.eventId;
}

/** Keeps, per key, the latest of the payloads given. */
export function latestBy<P extends DirectoryPayload>(
	items: readonly Counted<P>[],
	key: (c: Counted<P>) => string,
): Map<string, Counted<P>> {
	const latest = new Map<string, Counted<P>>();
	for (const item of items) {
		const k = key(item);
		const held = latest.get(k);
		if (held === undefined || isLater(item, held)) latest.set(k, item);
	}
	return latest;
}

/** The authority a payload is about. */
export const authorityOf = (payload: DirectoryPayload): AuthorityId =>
	payload.type === 'authority' || payload.type === 'person' ? payload.entry.authority : payload.authority;

/** The key of the person entry a payload is about (`person`, `removed` and `contact` payloads). */
export const personKey = (authority: AuthorityId, person: string): string => `${authority} ${person}`;
