// The secretariat's side of admission on matrix-js-sdk (issue 13, "Admission
// and removal reach every server"; docs/network-rooms.md, "The space and
// knocking"): who knocked on a network's space and why, admitting one (an
// invitation into the space) or refusing one (a kick on a knock rejects it),
// and sending a roster announcement into the announcements room (encrypted:
// refused when this browser does not know the room is). Every call answers
// with a value; nothing throws.
import { err, ok, type Result } from '#policies/result.ts';
import type { Knock } from '../networks/knock-queue.ts';
import { describeFailure, type Failure } from './failure.ts';
import { RoomStateEvent, type MatrixClient, type MatrixEvent } from './sdk.ts';

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The knocks in a `/members` answer's chunk (membership `knock` only; anything malformed is skipped). */
export function knocksInChunk(body: unknown): Knock[] {
	const chunk = isRecord(body) && Array.isArray(body['chunk']) ? (body['chunk'] as unknown[]) : [];
	return chunk.flatMap((event): Knock[] => {
		if (!isRecord(event) || event['type'] !== 'm.room.member' || typeof event['state_key'] !== 'string') return [];
		const content = event['content'];
		if (!isRecord(content) || content['membership'] !== 'knock') return [];
		const reason = typeof content['reason'] === 'string' ? content['reason'] : undefined;
		return [{ userId: event['state_key'], reason }];
	});
}

/**
 * Who is knocking on the space now, asked of the homeserver (the browser's
 * lazily loaded members may not hold a knock made while it was away).
 */
export async function knocksOn(client: MatrixClient, spaceId: string): Promise<Result<Knock[], Failure>> {
	try {
		const body: unknown = await client.members(spaceId, 'knock');
		return ok(knocksInChunk(body));
	} catch (error) {
		return err(describeFailure(error));
	}
}

/** Calls `changed` on every state event of the space (a knock, an invitation, a kick). Returns the unsubscribe. */
export function watchSpaceState(client: MatrixClient, spaceId: string, changed: () => void): () => void {
	const onState = (event: MatrixEvent): void => {
		if (event.getRoomId() === spaceId) changed();
	};
	client.on(RoomStateEvent.Events, onState);
	return () => client.off(RoomStateEvent.Events, onState);
}

async function attempt(doing: () => Promise<unknown>): Promise<Result<void, Failure>> {
	try {
		await doing();
		return ok(undefined);
	} catch (error) {
		return err(describeFailure(error));
	}
}

/** Admits a knocker: an invitation into the space (the staff's power allows it). */
export const admitKnock = (client: MatrixClient, spaceId: string, userId: string): Promise<Result<void, Failure>> =>
	attempt(() => client.invite(spaceId, userId));

/** Refuses a knock: a kick on a knock rejects it (its membership becomes `leave`), with the reason when one is given. */
export const refuseKnock = (client: MatrixClient, spaceId: string, userId: string, reason: string): Promise<Result<void, Failure>> =>
	attempt(() => client.kick(spaceId, userId, reason.trim() === '' ? undefined : reason.trim()));

const NOT_ENCRYPTED: Failure = { kind: 'unexpected', detail: 'this browser does not know yet that the room is encrypted; not sent' };

/** Sends a roster announcement's content (rosterAnnouncementContent) into the announcements room, encrypted. */
export async function sendRosterAnnouncement(
	client: MatrixClient,
	roomId: string,
	content: Record<string, unknown>,
): Promise<Result<string, Failure>> {
	if (client.getRoom(roomId)?.hasEncryptionStateEvent() !== true) return err(NOT_ENCRYPTED);
	try {
		const { event_id } = await client.sendEvent(roomId, 'm.room.message' as never, content as never);
		return ok(event_id);
	} catch (error) {
		return err(describeFailure(error));
	}
}
