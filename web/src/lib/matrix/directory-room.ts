// Directory rooms over matrix-js-sdk, without any UI (docs/directory.md):
// find a network's directory room by its alias and join it, read its
// decrypted directory events for the fold, send an entry, and share one's
// card into a direct encrypted room. Each room is recognised offline too,
// from what the sync store kept: by its canonical alias (set with the alias
// when the keeper created it), else by the room ID this browser resolved the
// alias to before (kept in localStorage; a room ID names no content). Its
// memberships say whose account has left (a deactivated one leaves every
// room): the fold hides them (policies/directory/fold/departures.ts).
import { err, ok, type Result } from '#policies/result.ts';
import type { DirectoryPayload } from '#policies/directory/types.ts';
import { buildDirectoryAsk, buildDirectoryContent, DIRECTORY_ALIAS_PREFIX, DIRECTORY_KEY, type MembershipFact } from '../directory/core.ts';
import { describeFailure, type Failure } from './failure.ts';
import { Direction, Method, type MatrixClient, type MatrixEvent, type Room } from './sdk.ts';

/** The room's canonical alias, from its state. */
function canonicalAlias(room: Room): string | undefined {
	const alias: unknown = room.currentState.getStateEvents('m.room.canonical_alias', '')?.getContent()['alias'];
	return typeof alias === 'string' ? alias : undefined;
}

/** Whether the room is a directory room by its canonical alias (the case rooms' code leaves such rooms alone). */
export function isDirectoryRoom(room: Room): boolean {
	return canonicalAlias(room)?.startsWith(DIRECTORY_ALIAS_PREFIX) === true;
}

/** The room this client holds for `alias`: by canonical alias, else by the ID resolved earlier. */
export function knownDirectoryRoom(client: MatrixClient, alias: string, resolvedBefore: string | undefined): Room | undefined {
	const byAlias = client.getRooms().find((room) => canonicalAlias(room) === alias);
	if (byAlias !== undefined) return byAlias;
	return resolvedBefore === undefined ? undefined : (client.getRoom(resolvedBefore) ?? undefined);
}

export type JoinProblem = { readonly kind: 'no-room' } | { readonly kind: 'not-invited' } | Failure;

/**
 * Resolves the alias and joins the room (a public room behind the network's
 * server ACL). `no-room` when the alias names nothing yet: the keeper's
 * bridge has not made it.
 */
export async function joinDirectoryRoom(client: MatrixClient, alias: string, invitedOnly = false): Promise<Result<string, JoinProblem>> {
	let roomId: string;
	try {
		({ room_id: roomId } = await client.getRoomIdForAlias(alias));
	} catch (error) {
		const failure = describeFailure(error);
		return err(isNotFound(error) ? { kind: 'no-room' } : failure);
	}
	if (client.getRoom(roomId)?.getMyMembership() === 'join') return ok(roomId);
	// NOTE: a 24/7 room (docs/directory.md) takes only the people its bridges
	// invited; anyone else is not asked to try, and the server is not asked.
	if (invitedOnly && client.getRoom(roomId)?.getMyMembership() !== 'invite') return err({ kind: 'not-invited' });
	try {
		// NOTE: as case-room-feed.ts joins: not the SDK's joinRoom, which waits for the room in the sync.
		await client.http.authedRequest(Method.Post, `/join/${encodeURIComponent(roomId)}`, undefined, {});
		return ok(roomId);
	} catch (error) {
		return err(describeFailure(error));
	}
}

function isNotFound(error: unknown): boolean {
	return typeof error === 'object' && error !== null && (error as { errcode?: unknown }).errcode === 'M_NOT_FOUND';
}

/** Whether the event is one the homeserver sent back (not a local echo). */
const fromServer = (event: MatrixEvent): boolean => event.status === null && event.getId()?.startsWith('$') === true;

/** A directory event of the room: decrypted, sent back by the server, with a directory payload key. */
export interface DirectoryRoomEvent {
	readonly eventId: string;
	readonly sender: string;
	readonly content: Record<string, unknown>;
}

/** The room's directory events, oldest first (the fold's order does not matter; this one reads well in logs). */
export function directoryEvents(room: Room): DirectoryRoomEvent[] {
	const events: DirectoryRoomEvent[] = [];
	for (const event of room.getLiveTimeline().getEvents()) {
		if (!fromServer(event) || event.isDecryptionFailure() || event.isRedacted() || event.getType() !== 'm.room.message') continue;
		const content = event.getContent();
		const id = event.getId();
		if (id === undefined || !(DIRECTORY_KEY in content)) continue;
		events.push({ eventId: id, sender: event.getSender() ?? '', content });
	}
	return events;
}

/** How many of the room's messages could not be decrypted (sent before this account joined, or their key is missing). */
export function undecryptedCount(room: Room): number {
	return room
		.getLiveTimeline()
		.getEvents()
		.filter((e) => e.isDecryptionFailure()).length;
}

const membershipOf = (content: unknown): string | undefined => {
	const membership: unknown =
		typeof content === 'object' && content !== null ? (content as Record<string, unknown>)['membership'] : undefined;
	return typeof membership === 'string' ? membership : undefined;
};

/** The membership an `m.room.member` event gives, as raw JSON (the homeserver's /members answer); none when it is not one. */
export function membershipFactOf(raw: unknown): MembershipFact | undefined {
	if (typeof raw !== 'object' || raw === null) return undefined;
	const event = raw as Record<string, unknown>;
	const user = event['state_key'];
	const membership = membershipOf(event['content']);
	if (event['type'] !== 'm.room.member' || typeof user !== 'string' || membership === undefined) return undefined;
	const unsigned = event['unsigned'];
	const previous = membershipOf(
		typeof unsigned === 'object' && unsigned !== null ? (unsigned as Record<string, unknown>)['prev_content'] : undefined,
	);
	return previous === undefined ? { user, membership } : { user, membership, previous };
}

function factOf(event: MatrixEvent): MembershipFact | undefined {
	const user = event.getStateKey();
	const membership = membershipOf(event.getContent());
	if (event.getType() !== 'm.room.member' || user === undefined || membership === undefined) return undefined;
	const previous = membershipOf(event.getPrevContent());
	return previous === undefined ? { user, membership } : { user, membership, previous };
}

/**
 * The room's memberships as this client holds them, oldest first: the
 * members at the start of the timeline it holds, the membership changes in
 * it, then the room's state now (with lazy-loaded members, only the members
 * the sync sent; departedMembers asks for the others).
 */
export function membershipFacts(room: Room): MembershipFact[] {
	const timeline = room.getLiveTimeline();
	const atStart = timeline.getState(Direction.Backward)?.getStateEvents('m.room.member') ?? [];
	const changes = timeline.getEvents().filter((e) => e.getType() === 'm.room.member');
	const now = room.currentState.getStateEvents('m.room.member');
	return [...atStart, ...changes, ...now].flatMap((e) => factOf(e) ?? []);
}

/**
 * The accounts out of the room now (left or banned), from the homeserver:
 * those that left before this account joined are in no timeline it can read,
 * and the SDK's member list leaves them out.
 */
export async function departedMembers(client: MatrixClient, roomId: string): Promise<Result<MembershipFact[], Failure>> {
	try {
		const answers = await Promise.all(['leave', 'ban'].map((membership) => client.members(roomId, membership)));
		return ok(answers.flatMap((answer) => (answer.chunk as unknown[]).flatMap((raw) => membershipFactOf(raw) ?? [])));
	} catch (error) {
		return err(describeFailure(error));
	}
}

const NOT_YET_ENCRYPTED: Failure = { kind: 'unexpected', detail: 'this browser does not know yet that the room is encrypted; not sent' };

/** Sends a directory entry into the room; never in the clear. */
export async function sendDirectoryPayload(
	client: MatrixClient,
	roomId: string,
	payload: DirectoryPayload,
): Promise<Result<string, Failure>> {
	if (client.getRoom(roomId)?.hasEncryptionStateEvent() !== true) return err(NOT_YET_ENCRYPTED);
	try {
		const { event_id } = await client.sendMessage(roomId, buildDirectoryContent(payload) as never);
		return ok(event_id);
	} catch (error) {
		return err(describeFailure(error));
	}
}

/**
 * Asks the room's bridges for their entries again (policies/directory/events/ask.ts): sent by a device once its
 * owner signed it, since the bridges answer only a device that counts by the trust rule; never in the clear.
 */
export async function askForEntries(client: MatrixClient, roomId: string): Promise<Result<void, Failure>> {
	if (client.getRoom(roomId)?.hasEncryptionStateEvent() !== true) return err(NOT_YET_ENCRYPTED);
	try {
		await client.sendMessage(roomId, buildDirectoryAsk() as never);
		return ok(undefined);
	} catch (error) {
		return err(describeFailure(error));
	}
}

/** Whether this client's own device is signed by its owner's identity (what the bridges ask of a device they answer). */
export async function ownDeviceSigned(client: MatrixClient): Promise<boolean> {
	const user = client.getUserId();
	const device = client.getDeviceId();
	if (user === null || device === null) return false;
	const status = await client.getCrypto()?.getDeviceVerificationStatus(user, device);
	return status?.signedByOwner === true;
}

/**
 * Shares a card with one person: a new direct, encrypted room with them
 * (only the two servers' members: invite-only), then one message whose body
 * is the vCard (stock clients show it; it imports anywhere) and whose payload
 * is the directory's person entry. Resolves with the room.
 */
export async function shareCard(
	client: MatrixClient,
	to: string,
	payload: DirectoryPayload,
	vcard: string,
	timeoutMs = 30_000,
): Promise<Result<string, Failure>> {
	let roomId: string;
	try {
		({ room_id: roomId } = await client.createRoom({
			is_direct: true,
			invite: [to],
			preset: 'trusted_private_chat' as never,
			initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
		}));
	} catch (error) {
		return err(describeFailure(error));
	}
	// NOTE: the room key is shared with the members this client knows when it encrypts (cases.ts, createCaseRoom).
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const room = client.getRoom(roomId);
		if (room?.hasEncryptionStateEvent() === true && ['invite', 'join'].includes(room.getMember(to)?.membership ?? '')) break;
		if (Date.now() > deadline) return err(NOT_YET_ENCRYPTED);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	try {
		await client.sendMessage(roomId, { ...buildDirectoryContent(payload), msgtype: 'm.text', body: vcard } as never);
		return ok(roomId);
	} catch (error) {
		return err(describeFailure(error));
	}
}
