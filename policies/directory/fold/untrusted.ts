// Which untrusted events of a directory room the editors' page lists. An event
// the trust rule refuses (types.ts, IgnoredReason `untrusted`) is listed unless
// it changes nothing and came from someone who may write the entry: its
// sender is the authority's bridge, or one of its editors for an entry other
// than `editors`, and the entry it is about already counts with the same
// payload or a later one. That is what a new device reads: earlier copies
// with keys from the key backup (which the crypto cannot vouch for), then the
// bridges' re-sends of the current entries, which count. A third party's
// event, an unreadable one, or one that would change the entry is listed.
// Pure.
import type { AuthorityId } from '../../roster/types.ts';
import { instantMs } from '../events/values.ts';
import type { DirectoryPayload } from '../types.ts';
import { authorityOf, type Counted } from './order.ts';

export interface UntrustedEvent {
	readonly sender: string;
	/** Undefined when its content could not be read as a directory payload. */
	readonly payload: DirectoryPayload | undefined;
}

/** What the fold already holds, to compare an untrusted event with. */
export interface HeldEntries {
	/** The authority's bridge (its user ID). */
	readonly bridgeOf: (authority: AuthorityId) => string;
	/** The editors the authority's latest counted `editors` event names. */
	readonly editorsOf: (authority: AuthorityId) => readonly string[];
	/** The counted payload that holds for the entry the payload is about, if any. */
	readonly currentFor: (payload: DirectoryPayload) => Counted | undefined;
}

/** Whether the untrusted event is left off the list: from a writer of the entry, and the entry holds it or something later. */
export function changesNothing(event: UntrustedEvent, held: HeldEntries): boolean {
	const payload = event.payload;
	if (payload === undefined) return false;
	const authority = authorityOf(payload);
	const writer =
		event.sender === held.bridgeOf(authority) || (payload.type !== 'editors' && held.editorsOf(authority).includes(event.sender));
	if (!writer) return false;
	const current = held.currentFor(payload);
	if (current === undefined) return false;
	return current.at > instantMs(payload.updated.at) || JSON.stringify(current.payload) === JSON.stringify(payload);
}
