// A network's rooms over matrix-js-sdk, without any UI (docs/network-rooms.md,
// docs/plenaries.md): find the space and its rooms among this client's rooms
// by their kind marker (only from the network's service account: anyone can
// copy a marker), join the space from its invitation and then its suggested
// children by restricted join — leaving at once a child whose create event
// is not the service account's —, read the plenary room's decrypted events
// for the fold, and send plenary events, decision polls, votes, the end of a
// vote and the pinned minutes. Nothing here decides what counts: the view
// model judges every event under the trust rule and folds with policies/.
import type { NetworkId } from '#policies/roster/types.ts';
import { POLL_END_TYPE, POLL_RESPONSE_TYPE, POLL_START_TYPE, PLENARY_KEY, type PlenaryPayload } from '#policies/plenary/index.ts';
import { buildPlenaryContent, buildPollEnd, buildPollResponse } from '#policies/plenary/index.ts';
import type { RoomKind } from '#policies/network/index.ts';
import { err, ok, type Result } from '#policies/result.ts';
import { networkRoomKind, suggestedChildren, type ChildLink } from '../networks/rooms.ts';
import { loadWholeHistory } from './cases.ts';
import { describeFailure, type Failure } from './failure.ts';
import { ClientEvent, MatrixEventEvent, Method, RoomEvent, RoomStateEvent, type MatrixClient, type MatrixEvent, type Room } from './sdk.ts';

export interface NetworkRoomRef {
	readonly roomId: string;
	readonly kind: RoomKind;
	readonly membership: string;
}

function createOf(room: Room): { sender: string; content: unknown } | undefined {
	const create = room.currentState.getStateEvents('m.room.create', '');
	if (create === null || create === undefined) return undefined;
	return { sender: create.getSender() ?? '', content: create.getContent() };
}

/** The network's rooms this client holds (joined or invited), by the marker the service account wrote. */
export function networkRoomsOf(client: MatrixClient, network: NetworkId, serviceAccount: string): NetworkRoomRef[] {
	return client.getRooms().flatMap((room) => {
		const membership = room.getMyMembership();
		if (membership !== 'join' && membership !== 'invite') return [];
		const kind = networkRoomKind(createOf(room), network, serviceAccount);
		return kind.ok ? [{ roomId: room.roomId, kind: kind.value, membership }] : [];
	});
}

async function joinOne(client: MatrixClient, roomId: string, via: readonly string[]): Promise<Result<void, Failure>> {
	try {
		const query = via.length === 0 ? undefined : { server_name: [...via] };
		// NOTE: as directory-room.ts joins: not the SDK's joinRoom, which waits for the room in the sync.
		await client.http.authedRequest(Method.Post, `/join/${encodeURIComponent(roomId)}`, query, {});
		return ok(undefined);
	} catch (error) {
		return err(describeFailure(error));
	}
}

async function createEventOf(client: MatrixClient, roomId: string): Promise<{ sender: string; content: unknown } | undefined> {
	try {
		const raw = await client.http.authedRequest<Record<string, unknown>>(
			Method.Get,
			`/rooms/${encodeURIComponent(roomId)}/state/m.room.create/`,
			{ format: 'event' },
		);
		// Synapse answers the whole event with format=event, the content alone without it.
		if (typeof raw['sender'] === 'string') return { sender: raw['sender'], content: raw['content'] };
		return undefined;
	} catch {
		return undefined;
	}
}

export type JoinNetworkProblem =
	| { readonly kind: 'no-space' }
	/** A child claimed by the space was not the service account's room: left at once. */
	| { readonly kind: 'not-trusted'; readonly roomId: string }
	| Failure;

/**
 * Joins the network's space (this client must hold its invitation, or have
 * joined it), then each suggested child by restricted join, checking after
 * each join that the room is the service account's (its create event; a
 * restricted room cannot be read before). Resolves with the children joined, by kind.
 */
export async function joinNetworkRooms(
	client: MatrixClient,
	network: NetworkId,
	serviceAccount: string,
	secretariatServer: string,
): Promise<Result<NetworkRoomRef[], JoinNetworkProblem>> {
	const space = networkRoomsOf(client, network, serviceAccount).find((r) => r.kind === 'space');
	if (space === undefined) return err({ kind: 'no-space' });
	if (space.membership !== 'join') {
		const joined = await joinOne(client, space.roomId, [secretariatServer]);
		if (!joined.ok) return joined;
	}
	let links: ChildLink[];
	try {
		const state = await client.roomState(space.roomId);
		links = state.filter((e) => e.type === 'm.space.child').map((e) => ({ roomId: e.state_key ?? '', content: e.content }));
	} catch (error) {
		return err(describeFailure(error));
	}
	const joined: NetworkRoomRef[] = [];
	for (const roomId of suggestedChildren(links)) {
		const via = (links.find((l) => l.roomId === roomId)?.content as { via?: unknown } | undefined)?.via;
		// NOTE: only the rooms the secretariat's server holds: a linked child elsewhere (the directory room, on its
		// keeper's server) is joined by its own feature (lib/matrix/directory-room.ts).
		if (!Array.isArray(via) || !via.includes(secretariatServer)) continue;
		if (client.getRoom(roomId)?.getMyMembership() !== 'join') {
			const result = await joinOne(client, roomId, [secretariatServer]);
			if (!result.ok) return result;
		}
		const kind = networkRoomKind(await createEventOf(client, roomId), network, serviceAccount);
		if (!kind.ok) {
			await client.leave(roomId).catch(() => undefined);
			return err({ kind: 'not-trusted', roomId });
		}
		joined.push({ roomId, kind: kind.value, membership: 'join' });
	}
	return ok(joined);
}

/**
 * Calls `changed` when anything the network page reads may have changed: an
 * event (or its decryption) in one of `rooms()`, a room arriving, this
 * account's membership, or room state. Returns the unsubscribe.
 */
export function watchNetworkRooms(client: MatrixClient, rooms: () => readonly string[], changed: () => void): () => void {
	const onEvent = (event: MatrixEvent): void => {
		const roomId = event.getRoomId();
		if (roomId !== undefined && rooms().includes(roomId)) changed();
	};
	client.on(RoomEvent.Timeline, onEvent);
	client.on(MatrixEventEvent.Decrypted, onEvent);
	client.on(ClientEvent.Room, changed);
	client.on(RoomEvent.MyMembership, changed);
	client.on(RoomStateEvent.Events, changed);
	return () => {
		client.off(RoomEvent.Timeline, onEvent);
		client.off(MatrixEventEvent.Decrypted, onEvent);
		client.off(ClientEvent.Room, changed);
		client.off(RoomEvent.MyMembership, changed);
		client.off(RoomStateEvent.Events, changed);
	};
}

const fromServer = (event: MatrixEvent): boolean => event.status === null && event.getId()?.startsWith('$') === true;

const PLENARY_TYPES = new Set([POLL_START_TYPE, POLL_RESPONSE_TYPE, POLL_END_TYPE]);

/** One event of the plenary room as the fold takes it, before its trust is judged. */
export interface PlenaryRoomEvent {
	readonly eventId: string;
	readonly sender: string;
	readonly type: string;
	readonly originServerTs: number;
	readonly content: Record<string, unknown>;
}

/**
 * The plenary room's plenary events and polls, decrypted and sent back by the
 * server. NOTE: the original content (an edit does not rewrite a record), and
 * the relation from the wire content, where an encrypted event keeps it.
 */
export function plenaryEvents(room: Room): PlenaryRoomEvent[] {
	const events: PlenaryRoomEvent[] = [];
	for (const event of room.getLiveTimeline().getEvents()) {
		if (!fromServer(event) || event.isDecryptionFailure() || event.isRedacted()) continue;
		const type = event.getType();
		const original = event.getOriginalContent();
		if (!(type === 'm.room.message' && PLENARY_KEY in original) && !PLENARY_TYPES.has(type)) continue;
		const relation: unknown = event.getWireContent()['m.relates_to'] ?? original['m.relates_to'];
		const content = relation === undefined ? original : { ...original, 'm.relates_to': relation };
		const id = event.getId();
		if (id === undefined) continue;
		events.push({ eventId: id, sender: event.getSender() ?? '', type, originServerTs: event.getTs(), content });
	}
	return events;
}

/** How many messages of the room this browser cannot decrypt. */
export const undecrypted = (room: Room): number =>
	room
		.getLiveTimeline()
		.getEvents()
		.filter((e) => e.isDecryptionFailure()).length;

export { loadWholeHistory };

const NOT_ENCRYPTED: Failure = { kind: 'unexpected', detail: 'this browser does not know yet that the room is encrypted; not sent' };

async function send(
	client: MatrixClient,
	roomId: string,
	type: string,
	content: Record<string, unknown>,
): Promise<Result<string, Failure>> {
	if (client.getRoom(roomId)?.hasEncryptionStateEvent() !== true) return err(NOT_ENCRYPTED);
	try {
		const { event_id } = await client.sendEvent(roomId, type as never, content as never);
		return ok(event_id);
	} catch (error) {
		return err(describeFailure(error));
	}
}

/** Sends a plenary payload (announcement, attendance, minutes) into the plenary room. */
export async function sendPlenaryPayload(client: MatrixClient, roomId: string, payload: PlenaryPayload): Promise<Result<string, Failure>> {
	const built = buildPlenaryContent(payload);
	if (!built.ok) return err({ kind: 'unexpected', detail: built.error });
	return send(client, roomId, 'm.room.message', built.value);
}

/** Starts a decision poll (content from buildDecisionPoll). */
export const sendPollStart = (client: MatrixClient, roomId: string, content: Record<string, unknown>) =>
	send(client, roomId, POLL_START_TYPE, content);

/** Answers a poll with one answer ID. */
export const sendVote = (client: MatrixClient, roomId: string, poll: string, answer: string) =>
	send(client, roomId, POLL_RESPONSE_TYPE, buildPollResponse(poll as never, [answer]));

/** Closes a poll. */
export const sendPollEnd = (client: MatrixClient, roomId: string, poll: string, text: string) =>
	send(client, roomId, POLL_END_TYPE, buildPollEnd(poll as never, text));

/** Pins an event of the room (the staff may: m.room.pinned_events at 50), keeping what was pinned before. */
export async function pinEvent(client: MatrixClient, roomId: string, eventId: string): Promise<Result<void, Failure>> {
	const before: unknown = client.getRoom(roomId)?.currentState.getStateEvents('m.room.pinned_events', '')?.getContent()['pinned'];
	const pinned = Array.isArray(before) ? before.filter((id): id is string => typeof id === 'string' && id !== eventId) : [];
	try {
		await client.sendStateEvent(roomId, 'm.room.pinned_events' as never, { pinned: [eventId, ...pinned] } as never, '');
		return ok(undefined);
	} catch (error) {
		return err(describeFailure(error));
	}
}

/** The room's power levels content, and this account's level in it and what it needs to post. */
export function powerOf(client: MatrixClient, roomId: string): { content: unknown; mine: number; toPost: number } {
	const room = client.getRoom(roomId);
	const content: Record<string, unknown> = room?.currentState.getStateEvents('m.room.power_levels', '')?.getContent() ?? {};
	const users = (content['users'] ?? {}) as Record<string, unknown>;
	const me = client.getUserId() ?? '';
	const creators = new Set<string>([room?.currentState.getStateEvents('m.room.create', '')?.getSender() ?? '']);
	const mine = creators.has(me) ? Infinity : typeof users[me] === 'number' ? users[me] : Number(content['users_default'] ?? 0);
	const toPost = typeof content['events_default'] === 'number' ? content['events_default'] : 0;
	return { content, mine, toPost };
}
