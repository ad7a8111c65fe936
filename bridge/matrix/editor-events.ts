// What the bridge reads of its directory rooms for its re-send lists (the
// directory room's entries, the 24/7 room's contact details): a timeline
// message, decrypted, no local echo, from one of its authority's editors
// (not itself) — or, for a device's ask, from any member — and then only if it counts by the trust rule
// (policies/trust). Shared by directory-presence.ts and points-presence.ts.
import * as sdk from 'matrix-js-sdk';
import { judgeArrival } from '../../policies/trust/index.ts';
import { readArrival, type IdentityApproved } from './arrival.ts';
import type { RawEvent } from './sync-batch.ts';

/** The event as the intake reads it, when it is someone else's message, decrypted and from the server; undefined otherwise. */
export function memberMessage(event: sdk.MatrixEvent, self: string): RawEvent | undefined {
	const room = event.getRoomId();
	const id = event.getId();
	const sender = event.getSender();
	if (room === undefined || id === undefined || sender === undefined || sender === self) return undefined;
	if (event.isState() || (event.getWireType() !== 'm.room.encrypted' && event.getWireType() !== 'm.room.message')) return undefined;
	if (event.isBeingDecrypted() || event.isDecryptionFailure() || event.status !== null || id.startsWith('~')) return undefined;
	return { ...(event.event as Record<string, unknown>), room_id: room } as RawEvent;
}

/** The event as the intake reads it, when it is an editor's message worth reading; undefined otherwise. */
export function editorMessage(event: sdk.MatrixEvent, editors: readonly string[], self: string): RawEvent | undefined {
	const sender = event.getSender();
	return sender !== undefined && editors.includes(sender) ? memberMessage(event, self) : undefined;
}

/** The decrypted content when the event counts; 'unread' when it could not be read (yet); 'not-counted' (logged) when the trust rule refuses it. */
export async function countedContent(
	client: sdk.MatrixClient,
	raw: RawEvent,
	approved: IdentityApproved | undefined,
	log: (line: string) => void,
): Promise<{ readonly content: unknown } | 'unread' | 'not-counted'> {
	const read = await readArrival(client, raw, approved);
	if (!read.ok) return 'unread';
	const verdict = judgeArrival(read.arrival);
	if (!verdict.counts) {
		log(`directory: ${raw.event_id} from ${String(raw['sender'])} not taken: ${verdict.reason}`);
		return 'not-counted';
	}
	return { content: read.content };
}
