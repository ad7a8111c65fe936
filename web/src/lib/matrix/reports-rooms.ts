// The secretariat's reports rooms in the browser (docs/secretariat-reports.md,
// "Receiving"; the Node reader is bridge/matrix/reports-reader.ts): find them
// among this client's rooms by the marker the network's service account wrote
// in their create event (kind `reports`, this network, one authority),
// accept their invitations — checking again, once joined, the create event
// the homeserver holds (the invitation's stripped state is unauthenticated)
// and leaving a room that fails —, and read each room's whole history,
// decrypted, as the events readReports takes, each judged by the one trust
// rule (ARCHITECTURE.md decision 11) through readArrival. Nothing here
// decides what counts: policies/reports does.
import { roomMarkerOf } from '#policies/network/index.ts';
import { readReports, type ReportsReading, type ReportsRoomEvent } from '#policies/reports/index.ts';
import { err, ok, type Result } from '#policies/result.ts';
import type { AuthorityId, NetworkId } from '#policies/roster/types.ts';
import { judgeArrival } from '#policies/trust/index.ts';
import { networkRoomKind } from '../networks/rooms.ts';
import { readArrival } from './arrival.ts';
import { loadWholeHistory } from './cases.ts';
import { describeFailure, type Failure } from './failure.ts';
import { Method, type MatrixClient, type MatrixEvent, type Room } from './sdk.ts';

export interface ReportsRoomRef {
	readonly roomId: string;
	/** The authority the room's marker names: the only one whose reports it carries. */
	readonly authority: AuthorityId;
	readonly membership: 'join' | 'invite';
}

type CreateEvent = { readonly sender: string; readonly content: unknown };

/** The authority a reports room of `network` is for, from its create event; an error for any other room. */
function reportsAuthority(create: CreateEvent | undefined, network: NetworkId, serviceAccount: string): Result<AuthorityId, string> {
	const kind = networkRoomKind(create, network, serviceAccount);
	if (!kind.ok) return err(kind.error.detail);
	if (kind.value !== 'reports' || create === undefined) return err(`a ${kind.value} room, not a reports room`);
	const marker = roomMarkerOf(create, [serviceAccount]);
	if (!marker.ok || marker.value.authority === undefined) return err('a reports room that names no authority');
	return ok(marker.value.authority);
}

function createOf(room: Room): CreateEvent | undefined {
	const create = room.currentState.getStateEvents('m.room.create', '');
	if (create === null || create === undefined) return undefined;
	return { sender: create.getSender() ?? '', content: create.getContent() };
}

/** The network's reports rooms this client is in or invited to. */
export function reportsRoomsOf(client: MatrixClient, network: NetworkId, serviceAccount: string): ReportsRoomRef[] {
	return client.getRooms().flatMap((room) => {
		const membership = room.getMyMembership();
		if (membership !== 'join' && membership !== 'invite') return [];
		const authority = reportsAuthority(createOf(room), network, serviceAccount);
		return authority.ok ? [{ roomId: room.roomId, authority: authority.value, membership }] : [];
	});
}

async function serverCreateEvent(client: MatrixClient, roomId: string): Promise<CreateEvent | undefined> {
	try {
		const raw = await client.http.authedRequest<Record<string, unknown>>(
			Method.Get,
			`/rooms/${encodeURIComponent(roomId)}/state/m.room.create/`,
			{ format: 'event' },
		);
		return typeof raw['sender'] === 'string' ? { sender: raw['sender'], content: raw['content'] } : undefined;
	} catch {
		return undefined;
	}
}

export type AcceptProblem = { readonly kind: 'not-trusted'; readonly roomId: string } | Failure;

/**
 * Accepts an invitation to a reports room, then checks the create event the
 * homeserver holds: a room that is not the service account's reports room of
 * this network is left at once.
 */
export async function acceptReportsRoom(
	client: MatrixClient,
	room: ReportsRoomRef,
	network: NetworkId,
	serviceAccount: string,
	secretariatServer: string,
): Promise<Result<void, AcceptProblem>> {
	try {
		// NOTE: as network-rooms.ts joins: not the SDK's joinRoom, which waits for the room in the sync.
		await client.http.authedRequest(Method.Post, `/join/${encodeURIComponent(room.roomId)}`, { server_name: [secretariatServer] }, {});
	} catch (error) {
		return err(describeFailure(error));
	}
	const authority = reportsAuthority(await serverCreateEvent(client, room.roomId), network, serviceAccount);
	if (!authority.ok || authority.value !== room.authority) {
		await client.leave(room.roomId).catch(() => undefined);
		return err({ kind: 'not-trusted', roomId: room.roomId });
	}
	return ok(undefined);
}

const fromServer = (event: MatrixEvent): boolean => event.status === null && event.getId()?.startsWith('$') === true;

export interface RoomReading {
	/** The room's messages, decrypted and judged. */
	readonly events: readonly ReportsRoomEvent[];
	/** Messages this browser cannot decrypt (sent before this device existed), with why. */
	readonly undecrypted: readonly { readonly eventId: string; readonly reason: string }[];
}

/** Loads the room's whole history once and reads every message the server sent, decrypted and judged. */
export async function readReportsRoom(client: MatrixClient, roomId: string): Promise<RoomReading> {
	const room = client.getRoom(roomId);
	if (room === null) return { events: [], undecrypted: [] };
	await loadWholeHistory(client, room);
	const events: ReportsRoomEvent[] = [];
	const undecrypted: { eventId: string; reason: string }[] = [];
	for (const event of room.getLiveTimeline().getEvents()) {
		const eventId = event.getId();
		if (!fromServer(event) || eventId === undefined || event.isState()) continue;
		if (event.isEncrypted()) await client.decryptEventIfNeeded(event);
		if (event.isDecryptionFailure()) {
			undecrypted.push({ eventId, reason: 'not decrypted: this browser holds no key for it (sent before this device existed)' });
			continue;
		}
		const type = event.getType();
		if (type !== 'm.room.message') continue;
		// NOTE: the relation from the wire content, where an encrypted event keeps it: the report readers refuse one.
		const original = event.getOriginalContent();
		const relation: unknown = event.getWireContent()['m.relates_to'] ?? original['m.relates_to'];
		const content = relation === undefined ? original : { ...original, 'm.relates_to': relation };
		const verdict = judgeArrival(await readArrival(client, event));
		events.push({ eventId, sender: event.getSender() ?? '', type, content, verdict });
	}
	return { events, undecrypted };
}

/**
 * The reports of the joined `rooms`, each room's messages taken only about
 * the authority its marker names, with the undecryptable ones set aside
 * first (policies/reports readReports decides the rest).
 */
export async function readReportsRooms(
	client: MatrixClient,
	rooms: readonly ReportsRoomRef[],
	bridgeOf: ReadonlyMap<AuthorityId, string>,
): Promise<ReportsReading & { readonly undecrypted: number }> {
	const events: ReportsRoomEvent[] = [];
	const authorityOfEvent = new Map<string, AuthorityId>();
	const undecrypted: { eventId: string; reason: string }[] = [];
	for (const room of rooms) {
		const read = await readReportsRoom(client, room.roomId);
		for (const e of read.events) authorityOfEvent.set(e.eventId, room.authority);
		events.push(...read.events);
		undecrypted.push(...read.undecrypted);
	}
	const reading = readReports(events, bridgeOf, (e) => authorityOfEvent.get(e.eventId));
	return { ...reading, ignored: [...undecrypted, ...reading.ignored], undecrypted: undecrypted.length };
}
