// Verifying another person (ARCHITECTURE.md decision 5; issue 12): the
// request goes into an encrypted direct room with them (spec: "Key
// verification framework", in-room requests), made when there is none and
// recorded in the m.direct account data. The other side joins such a room
// when its inviter is someone it already shares a room with (a case room),
// so a request from a stranger's new room is never opened on its own. The
// exchange itself — emoji or QR — is SasVerification's (verification.ts)
// with `choose`. Verifying again someone whose verified identity changed
// first withdraws the old verification (the crypto would refuse to send).
import { err, ok, type Result } from '#policies/result.ts';
import { describeFailure, type Failure } from './failure.ts';
import {
	ClientEvent,
	CryptoEvent,
	Method,
	RoomEvent,
	RoomStateEvent,
	type MatrixClient,
	VerificationPhase,
	type Room,
	type VerificationRequest,
} from './sdk.ts';

const DIRECT = 'm.direct';
const MEGOLM = 'm.megolm.v1.aes-sha2';
/** How long a new direct room waits for the other person to join before the request is sent anyway. */
const JOIN_WAIT_MS = 30_000;
/** When a direct-room invitation is joined: after each of these delays until it is (see joinDirectRoomsFromKnownPeople). */
const JOIN_DELAYS_MS: readonly number[] = [2_000, 3_000, 5_000, 10_000, 20_000];

type DirectRooms = Record<string, readonly string[]>;
/** The SDK types account data by the events it knows; m.direct is one, its content a record. */
type AccountDataType = Parameters<MatrixClient['getAccountData']>[0];

function directRooms(client: MatrixClient): DirectRooms {
	const content: unknown = client.getAccountData(DIRECT as AccountDataType)?.getContent();
	if (typeof content !== 'object' || content === null) return {};
	const rooms: Record<string, readonly string[]> = {};
	for (const [userId, ids] of Object.entries(content)) {
		if (Array.isArray(ids)) rooms[userId] = ids.filter((id): id is string => typeof id === 'string');
	}
	return rooms;
}

const membershipOf = (room: Room, userId: string): string | undefined => room.getMember(userId)?.membership;

/** An encrypted direct room with the person that this user has joined and they have joined or are invited to. */
export function existingDirectRoom(client: MatrixClient, userId: string): Room | undefined {
	for (const roomId of directRooms(client)[userId] ?? []) {
		const room = client.getRoom(roomId);
		if (room === null || room.getMyMembership() !== 'join' || !room.hasEncryptionStateEvent()) continue;
		const theirs = membershipOf(room, userId);
		if (theirs === 'join' || theirs === 'invite') return room;
	}
	return undefined;
}

async function createDirectRoom(client: MatrixClient, userId: string): Promise<string> {
	const { room_id: roomId } = await client.createRoom({
		is_direct: true,
		invite: [userId],
		// NOTE: the SDK's Preset enum lives in a module of its own; the spec's value is the same string.
		preset: 'trusted_private_chat' as NonNullable<Parameters<MatrixClient['createRoom']>[0]['preset']>,
		initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: MEGOLM } }],
	});
	const direct = directRooms(client);
	await client.setAccountData(DIRECT as never, { ...direct, [userId]: [...(direct[userId] ?? []), roomId] } as never);
	return roomId;
}

/** Resolves once the person joined the room, or after `JOIN_WAIT_MS` (the request waits in the room for them). */
function joined(client: MatrixClient, roomId: string, userId: string): Promise<void> {
	return new Promise((resolve) => {
		const check = (): void => {
			const room = client.getRoom(roomId);
			if (room !== null && membershipOf(room, userId) === 'join') done();
		};
		const timer = setTimeout(() => done(), JOIN_WAIT_MS);
		const done = (): void => {
			clearTimeout(timer);
			client.off(RoomStateEvent.Members, check);
			resolve();
		};
		client.on(RoomStateEvent.Members, check);
		check();
	});
}

/** Asks the person to verify each other, in the direct room with them (made if there is none). */
export async function requestUserVerification(client: MatrixClient, userId: string): Promise<Result<VerificationRequest, Failure>> {
	const crypto = client.getCrypto();
	if (crypto === undefined) return err({ kind: 'unexpected', detail: 'the client was started without crypto' });
	try {
		// NOTE: the crypto refuses to encrypt for a verified person whose identity changed (OnlySignedDevicesIsolationMode):
		// the old verification is withdrawn first. Their identity stays unapproved, so they are still shown as changed
		// until this verification pins the new one.
		const status = await crypto.getUserVerificationStatus(userId);
		if (status.wasCrossSigningVerified() && !status.isCrossSigningVerified()) await crypto.withdrawVerificationRequirement(userId);
		const roomId = existingDirectRoom(client, userId)?.roomId ?? (await createDirectRoom(client, userId));
		await joined(client, roomId, userId);
		await withdrawPending(client, roomId, userId);
		return ok(await crypto.requestVerificationDM(userId, roomId));
	} catch (error) {
		return err(describeFailure(error));
	}
}

/**
 * Withdraws a request of this user's still pending with the person in the
 * room (an earlier one left waiting): the crypto cancels both when a second
 * request with the same person arrives ("another request with the same user
 * is ongoing"), and the person would see "declined or cancelled" without
 * anyone declining. NOTE: a page loaded again within ten minutes of a
 * verification can still meet that cancellation (the recent requests are
 * replayed into its new crypto, not all found here); known, not solved.
 */
async function withdrawPending(client: MatrixClient, roomId: string, userId: string): Promise<void> {
	const pending = client.getCrypto()?.findVerificationRequestDMInProgress(roomId, userId);
	if (pending === undefined || pending.phase === VerificationPhase.Done || pending.phase === VerificationPhase.Cancelled) return;
	await pending.cancel();
}

/** Calls `onRequest` for each request from another person. Returns the unsubscribe function. */
export function watchUserVerificationRequests(client: MatrixClient, onRequest: (request: VerificationRequest) => void): () => void {
	const listener = (request: VerificationRequest): void => {
		if (!request.isSelfVerification && !request.initiatedByMe) onRequest(request);
	};
	client.on(CryptoEvent.VerificationRequestReceived, listener);
	return () => client.off(CryptoEvent.VerificationRequestReceived, listener);
}

/** Whether this user shares a joined room with the person (other than the room in question). */
function knows(client: MatrixClient, userId: string, except: string): boolean {
	return client
		.getRooms()
		.some((room) => room.roomId !== except && room.getMyMembership() === 'join' && membershipOf(room, userId) === 'join');
}

/** The inviter of a direct-room invitation, when this user is invited to the room as a direct room. */
function directInviter(client: MatrixClient, room: Room): string | undefined {
	const me = client.getUserId();
	if (me === null || room.getMyMembership() !== 'invite') return undefined;
	const invite = room.getMember(me)?.events.member;
	if (invite?.getContent()['is_direct'] !== true) return undefined;
	return invite.getSender();
}

/**
 * Joins invitations to direct rooms from people this user shares a room with,
 * where their verification requests arrive. Returns the unsubscribe function.
 */
export function joinDirectRoomsFromKnownPeople(client: MatrixClient): () => void {
	const asked = new Set<string>();
	const consider = (room: Room): void => {
		const inviter = directInviter(client, room);
		if (inviter === undefined || asked.has(room.roomId) || !knows(client, inviter, room.roomId)) return;
		asked.add(room.roomId);
		void join(room.roomId, inviter).then((joined) => {
			if (!joined) asked.delete(room.roomId);
		});
	};
	/**
	 * NOTE: not at once: Synapse relays a remote invitation before it has stored it, and refuses a join in that moment
	 * (as the case rooms' invitations.ts says); tried on a growing schedule while the room is still an invitation.
	 */
	const join = async (roomId: string, inviter: string): Promise<boolean> => {
		let joined = false;
		for (const delay of JOIN_DELAYS_MS) {
			await new Promise((resolve) => setTimeout(resolve, delay));
			const membership = client.getRoom(roomId)?.getMyMembership();
			if (membership !== 'invite') {
				// Joined meanwhile (the case rooms also accept invitations from party homeservers), or declined.
				joined = membership === 'join';
				break;
			}
			try {
				// The join endpoint itself, as the case rooms do (case-room-feed.ts): the SDK's joinRoom waits for a sync.
				await client.http.authedRequest(Method.Post, `/join/${encodeURIComponent(roomId)}`, undefined, {});
				joined = true;
				break;
			} catch {
				// Tried again after the next delay.
			}
		}
		if (!joined) return false;
		const direct = directRooms(client);
		if (!(direct[inviter] ?? []).includes(roomId))
			await client
				.setAccountData(DIRECT as never, { ...direct, [inviter]: [...(direct[inviter] ?? []), roomId] } as never)
				.catch(() => undefined);
		return true;
	};
	const onRoom = (room: Room): void => consider(room);
	client.on(ClientEvent.Room, onRoom);
	client.on(RoomEvent.MyMembership, onRoom);
	for (const room of client.getRooms()) consider(room);
	return () => {
		client.off(ClientEvent.Room, onRoom);
		client.off(RoomEvent.MyMembership, onRoom);
	};
}
