// Case rooms over matrix-js-sdk, without any UI: create a case room and send
// its opening event, send case events and discussion messages, read a room's
// decrypted events as fold envelopes and timeline items, re-issue the server
// ACL after a party server joins, and encrypted attachments.
import { ALERT_STEP_TYPE, isAlertAck } from '#policies/alerts/index.ts';
import { err, ok, type Result } from '#policies/result.ts';
import {
	buildCaseContent,
	CASE_KEY,
	parseCaseEvent,
	serverNameOf,
	type BodyRenderer,
	type CaseEvent,
	type CaseEventEnvelope,
	type EventId,
	type UserId,
} from '#policies/cases/index.ts';
import { parsePreservationEvent, PRESERVATION_KEY, type PreservationEvent } from '#policies/preservation/record/index.ts';
import type { CaseRoomRequest } from '#policies/rooms/case-room.ts';
import { hostOf, reissuedAcl, type ServerAclContent } from '#policies/rooms/server-acl.ts';
import type { TrustCode, TrustVerdict } from '#policies/trust/index.ts';
import type { EncryptedFileInfo } from '../attachments/encrypted-file.ts';
import { OWN_EVENT_UNREAD } from '../cases/acknowledge-rule.ts';
import { OUTBOX_TXN_PREFIX } from '../cases/outbox.ts';
import type { RefusalCode } from '../cases/refusal.ts';
import { isDirectoryRoom } from './directory-room.ts';
import { describeFailure, type Failure } from './failure.ts';
import { isNetworkRoom } from './network-room.ts';
import { DecryptionFailureCode, Direction, EventStatus, type MatrixClient, type MatrixEvent, type Room } from './sdk.ts';

export const SERVER_ACL = 'm.room.server_acl';

/** Refused before sending: a code the page words (cases/refusal.ts), and the English reason for whoever debugs. */
export type SendProblem = { readonly kind: 'invalid-event'; readonly code: RefusalCode; readonly reason: string } | Failure;

/**
 * Why a message does not count, said next to it, never silently: the trust
 * rule's code (policies/trust) — sent unencrypted, or by a device or identity
 * this browser cannot vouch for.
 */
export type TrustWarning = TrustCode;

/** What the page knows of each message's trust (lib/cases/event-trust.ts). */
export type VerdictOf = (eventId: string) => TrustVerdict | undefined;

/** Why an event could not be decrypted, as far as the page needs to tell. */
export type WithheldReason = 'unsigned-device' | 'identity-changed' | 'waiting-for-key' | 'other';

interface ItemBase {
	readonly id: string;
	readonly sender: string;
	readonly at: number;
	readonly pending: boolean;
	readonly warning?: TrustWarning;
	/** The event this one answers (a discussion reply). */
	readonly replyTo?: string;
}

/** One item of a case room's discussion, as the page shows it. */
export type TimelineItem =
	/**
	 * A case update: its structured payload, which the page renders in the
	 * reader's language (`event` undefined when the payload is malformed); the
	 * `body` is the stock-client fallback, never shown here.
	 */
	| (ItemBase & { readonly kind: 'case'; readonly event: CaseEvent | undefined; readonly body: string })
	/** A preservation update (policies/preservation/record), rendered the same way. */
	| (ItemBase & { readonly kind: 'preservation'; readonly event: PreservationEvent | undefined; readonly body: string })
	| (ItemBase & {
			readonly kind: 'text';
			readonly body: string;
			/** The Matrix IDs its m.mentions names (the notification centre's mentions); left out when none. */
			readonly mentions?: readonly string[];
	  })
	| (ItemBase & {
			readonly kind: 'file';
			readonly name: string;
			readonly size: number | undefined;
			readonly mimetype: string | undefined;
			readonly file: EncryptedFileInfo & { readonly url: string };
	  })
	| { readonly kind: 'undecryptable'; readonly id: string; readonly sender: string; readonly at: number; readonly reason: WithheldReason };

/**
 * Creates the room from its template (no name, no topic), invites the
 * parties' bridge bots where they exist (best effort: a deployment without
 * bridges still opens requests), then sends the opening event; resolves with
 * the room and the opening event's ID.
 */
export async function createCaseRoom(
	client: MatrixClient,
	request: CaseRoomRequest,
	opening: CaseEvent,
	render: BodyRenderer,
	bridges: readonly string[] = [],
): Promise<Result<{ roomId: string; openingId: EventId }, SendProblem>> {
	const built = buildCaseContent(opening, render);
	if (!built.ok) return err({ kind: 'invalid-event', ...built.error });
	let roomId: string;
	try {
		({ room_id: roomId } = await client.createRoom(request as unknown as Parameters<MatrixClient['createRoom']>[0]));
	} catch (error) {
		return err(describeFailure(error));
	}
	// Invited before the opening, so that the bridges receive its room key too.
	const invited = await Promise.all(
		bridges.map((bot) =>
			client.invite(roomId, bot).then(
				() => [bot],
				() => [],
			),
		),
	);
	// NOTE: the room key is shared with the members this client knows when it
	// encrypts; sent before the sync has brought the room and its invitations,
	// the opening event would be encrypted for nobody but its sender.
	await untilInvitesKnown(client, roomId, [...request.invite, ...invited.flat()]);
	const sent = await sendContent(client, roomId, built.value as unknown as Record<string, unknown>);
	return sent.ok ? ok({ roomId, openingId: sent.value }) : sent;
}

async function untilInvitesKnown(client: MatrixClient, roomId: string, invited: readonly string[], timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const room = client.getRoom(roomId);
		// NOTE: an invitee may have joined already (invitations are accepted on their own, on any page).
		const known = (userId: string): boolean => ['invite', 'join'].includes(room?.getMember(userId)?.membership ?? '');
		if (room !== null && room.hasEncryptionStateEvent() && invited.every(known)) return;
		if (Date.now() > deadline) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** A case event's m.room.message content, its stock-client body written by `render`; or why the payload is invalid. */
export function caseContent(event: CaseEvent, render: BodyRenderer): Result<Record<string, unknown>, SendProblem> {
	const built = buildCaseContent(event, render);
	return built.ok ? ok(built.value as unknown as Record<string, unknown>) : err({ kind: 'invalid-event', ...built.error });
}

/**
 * Sends a message with the caller's transaction ID: sent again with the same
 * ID after a lost answer, the homeserver keeps it once. Within one page the
 * SDK remembers the ID with its local echo, so a retry resends that echo
 * rather than making a second one; after a reload there is none and the
 * message is sent afresh, with the same ID.
 */
export async function sendWithTxnId(
	client: MatrixClient,
	roomId: string,
	content: Readonly<Record<string, unknown>>,
	txnId: string,
): Promise<Result<EventId, Failure>> {
	const room = client.getRoom(roomId);
	if (room === null || !knownEncrypted(client, roomId)) return err(NOT_YET_ENCRYPTED);
	const echo = room.getEventForTxnId(txnId);
	try {
		if (echo === undefined) {
			const { event_id } = await client.sendEvent(roomId, null, 'm.room.message' as never, structuredClone(content) as never, txnId);
			return ok(event_id as EventId);
		}
		if (echo.status === EventStatus.NOT_SENT) {
			const { event_id } = await client.resendEvent(echo, room);
			return ok(event_id as EventId);
		}
		const id = echo.getId();
		// Sent (or echoed back) already; otherwise the SDK is still sending it: ask again later.
		if ((echo.status === EventStatus.SENT || echo.status === null) && id?.startsWith('$') === true) return ok(id as EventId);
		return err({ kind: 'unexpected', detail: `still being sent (${echo.status ?? 'sent'})` });
	} catch (error) {
		return err(describeFailure(error));
	}
}

/**
 * Whether this client knows the room and that it is encrypted. NOTE: the SDK
 * sends in the clear into a room it does not know (yet) — right after a
 * reload, before the first sync — or that lacks m.room.encryption; nothing of
 * a case room may ever go out so, so sends wait until this holds.
 */
function knownEncrypted(client: MatrixClient, roomId: string): boolean {
	return client.getRoom(roomId)?.hasEncryptionStateEvent() === true;
}

const NOT_YET_ENCRYPTED: Failure = { kind: 'unexpected', detail: 'this browser does not know yet that the room is encrypted; not sent' };

/** Whether the room shows, as the server sent it back, the event `eventId` or the one this device sent with `txnId`. */
export function echoed(room: Room, eventId: string, txnId: string): boolean {
	return room
		.getLiveTimeline()
		.getEvents()
		.some((event) => fromServer(event) && (event.getId() === eventId || event.getUnsigned().transaction_id === txnId));
}

/** Whether the event is one the homeserver sent back (not a local echo, whose ID starts with "~"). */
function fromServer(event: MatrixEvent): boolean {
	const id = event.getId();
	return event.status === null && id !== undefined && id.startsWith('$');
}

/** Sends one case event as an encrypted m.room.message, its stock-client body written by `render`. */
export async function sendCaseEvent(
	client: MatrixClient,
	roomId: string,
	event: CaseEvent,
	render: BodyRenderer,
): Promise<Result<EventId, SendProblem>> {
	const built = buildCaseContent(event, render);
	if (!built.ok) return err({ kind: 'invalid-event', ...built.error });
	return sendContent(client, roomId, built.value as unknown as Record<string, unknown>);
}

/**
 * A plain discussion message, or a reply to one of the room's events. NOTE: a
 * reply's m.relates_to is readable by the servers (ARCHITECTURE.md, decision
 * 2); it holds an event ID only, never case content.
 */
export function sendText(client: MatrixClient, roomId: string, text: string, replyTo?: string): Promise<Result<EventId, SendProblem>> {
	return sendContent(client, roomId, textContent(text, replyTo));
}

export function textContent(text: string, replyTo?: string): Record<string, unknown> {
	return {
		msgtype: 'm.text',
		body: text,
		'm.mentions': {},
		...(replyTo === undefined ? {} : { 'm.relates_to': { 'm.in_reply_to': { event_id: replyTo } } }),
	};
}

async function sendContent(client: MatrixClient, roomId: string, content: Record<string, unknown>): Promise<Result<EventId, SendProblem>> {
	if (!knownEncrypted(client, roomId)) return err(NOT_YET_ENCRYPTED);
	try {
		const { event_id } = await client.sendMessage(roomId, content as never);
		return ok(event_id as EventId);
	} catch (error) {
		return err(describeFailure(error));
	}
}

/** Whether the room looks like a case room: encrypted, with a server ACL, and not a network's directory room (which has both too). */
export function isCaseRoomCandidate(room: Room): boolean {
	return (
		room.currentState.getStateEvents(SERVER_ACL, '') !== null &&
		room.hasEncryptionStateEvent() &&
		!isDirectoryRoom(room) &&
		!isNetworkRoom(room)
	);
}

/**
 * Loads the whole room history back to its creation, so the fold sees every
 * event; stops early once `wanted` says the read is superseded (the live
 * timeline was replaced meanwhile).
 */
export async function loadWholeHistory(client: MatrixClient, room: Room, wanted: () => boolean = () => true): Promise<void> {
	const timeline = room.getLiveTimeline();
	for (let page = 0; page < 100; page++) {
		if (timeline.getPaginationToken(Direction.Backward) === null || !wanted()) return;
		const more = await client.paginateEventTimeline(timeline, { backwards: true, limit: 100 });
		if (!more) return;
	}
}

/**
 * The types of the case events `self` sent that the server echoed, whether or
 * not they count yet: what the viewer has already said, from any of their
 * devices, while the trust rule still weighs it (lib/cases/acknowledge-rule.ts).
 */
export function ownCaseEventTypes(room: Room, self: string): Set<string> {
	const types = new Set<string>();
	for (const event of room.getLiveTimeline().getEvents()) {
		if (!fromServer(event) || event.getSender() !== self || event.isDecryptionFailure()) continue;
		// Not decrypted yet (a page opened afresh decrypts the kept history again): it may be any of them.
		if (event.getType() === 'm.room.encrypted' && !event.isRedacted()) types.add(OWN_EVENT_UNREAD);
		if (event.getType() !== 'm.room.message') continue;
		const payload = event.getContent<Record<string, unknown>>()[CASE_KEY];
		if (typeof payload !== 'object' || payload === null) continue;
		const type = (payload as Record<string, unknown>)['type'];
		if (typeof type === 'string') types.add(type);
	}
	return types;
}

/** The messages, and the bridges' alert steps (policies/alerts/step-event.ts), which count under the same rule. */
const JUDGED_TYPES: ReadonlySet<string> = new Set(['m.room.message', ALERT_STEP_TYPE]);

/**
 * The events of the room whose trust must be judged before it is folded:
 * every message and alert step the server sent (not local echoes), decrypted
 * or in the clear, and not redacted.
 */
export function judgedEvents(room: Room): { id: string; sender: string }[] {
	const events: { id: string; sender: string }[] = [];
	for (const event of room.getLiveTimeline().getEvents()) {
		const id = event.getId();
		if (!fromServer(event) || event.isDecryptionFailure() || event.isRedacted() || !JUDGED_TYPES.has(event.getType())) continue;
		if (id !== undefined) events.push({ id, sender: event.getSender() ?? '' });
	}
	return events;
}

/**
 * The room's case events as the fold takes them: only those that count
 * (policies/trust — encrypted, from a device its owner cross-signed, under a
 * key the crypto vouches for; the bridges apply the same rule). NOTE: our own
 * events count only once the server has echoed them (status null): before
 * that they carry this browser's clock, and the fold must see the same
 * origin_server_ts on every side.
 */
export function caseEnvelopes(room: Room, counts: (eventId: string) => boolean): CaseEventEnvelope[] {
	const envelopes: CaseEventEnvelope[] = [];
	for (const event of room.getLiveTimeline().getEvents()) {
		if (!fromServer(event) || event.isDecryptionFailure() || event.getType() !== 'm.room.message') continue;
		const id = event.getId();
		if (id === undefined || !(CASE_KEY in event.getContent()) || !counts(id)) continue;
		envelopes.push({
			eventId: id as EventId,
			sender: event.getSender() as UserId,
			originServerTs: event.getTs(),
			content: event.getContent(),
		});
	}
	return envelopes;
}

/** The room's messages (case events, text, files), oldest first; unsent ones (local echoes) are in the live timeline, marked pending. */
export function timelineItems(room: Room, verdictOf: VerdictOf): TimelineItem[] {
	const items: TimelineItem[] = [];
	for (const event of room.getLiveTimeline().getEvents()) {
		const item = itemOf(event, verdictOf);
		if (item !== undefined) items.push(item);
	}
	return items;
}

function withheldReason(code: DecryptionFailureCode | null): WithheldReason {
	switch (code) {
		case DecryptionFailureCode.UNSIGNED_SENDER_DEVICE:
			return 'unsigned-device';
		case DecryptionFailureCode.SENDER_IDENTITY_PREVIOUSLY_VERIFIED:
			return 'identity-changed';
		case DecryptionFailureCode.MEGOLM_UNKNOWN_INBOUND_SESSION_ID:
			return 'waiting-for-key';
		default:
			return 'other';
	}
}

function itemOf(event: MatrixEvent, verdictOf: VerdictOf): TimelineItem | undefined {
	const id = event.getId() ?? event.getTxnId() ?? '';
	const sender = event.getSender() ?? '';
	const at = event.getTs();
	if (event.isDecryptionFailure()) return { kind: 'undecryptable', id, sender, at, reason: withheldReason(event.decryptionFailureReason) };
	if (event.getType() !== 'm.room.message' || event.isRedacted()) return undefined;
	// Queued messages show from the outbox until the server sends them back; their local echoes would show them twice.
	const txnId = event.getTxnId() ?? event.getUnsigned().transaction_id;
	if (!fromServer(event) && txnId?.startsWith(OUTBOX_TXN_PREFIX) === true) return undefined;
	const content = event.getContent();
	const verdict = event.status === null ? verdictOf(id) : undefined;
	const base: ItemBase = {
		id,
		sender,
		at,
		pending: event.status !== null,
		...(verdict === undefined || verdict.counts ? {} : { warning: verdict.code }),
		...(event.replyEventId === undefined ? {} : { replyTo: event.replyEventId }),
	};
	const body = typeof content['body'] === 'string' ? content['body'] : '';
	if (CASE_KEY in content) {
		const parsed = parseCaseEvent(content);
		return { ...base, kind: 'case', event: parsed.ok ? parsed.value : undefined, body };
	}
	if (PRESERVATION_KEY in content) {
		const parsed = parsePreservationEvent(content);
		return { ...base, kind: 'preservation', event: parsed.ok ? parsed.value : undefined, body };
	}
	if (content['msgtype'] === 'm.file') {
		const file = content['file'] as (EncryptedFileInfo & { url?: unknown }) | undefined;
		if (file === undefined || typeof file.url !== 'string' || file.v !== 'v2') return undefined;
		const info = (content['info'] ?? {}) as { size?: unknown; mimetype?: unknown };
		return {
			...base,
			kind: 'file',
			name: typeof content['filename'] === 'string' ? content['filename'] : body,
			size: typeof info.size === 'number' ? info.size : undefined,
			mimetype: typeof info.mimetype === 'string' ? info.mimetype : undefined,
			file: file as EncryptedFileInfo & { url: string },
		};
	}
	// An acknowledgement of an alert shows under "Who was alerted", in the viewer's language, not as a message.
	if (isAlertAck(content)) return undefined;
	if (content['msgtype'] === 'm.text' || content['msgtype'] === 'm.notice') {
		const named = mentionedIn(content);
		return { ...base, kind: 'text', body, ...(named.length === 0 ? {} : { mentions: named }) };
	}
	return undefined;
}

/** The user IDs a message's m.mentions names (decrypted content: the servers do not read it). */
function mentionedIn(content: Record<string, unknown>): string[] {
	const mentions = content['m.mentions'];
	const ids: unknown = typeof mentions === 'object' && mentions !== null ? (mentions as Record<string, unknown>)['user_ids'] : undefined;
	return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string').slice(0, 50) : [];
}

/**
 * Re-issues the room's server ACL when a member of another server joined
 * after the current ACL was sent (Synapse caches "no ACL" on a joining server
 * until a new ACL event reaches it: see policies/rooms/server-acl.ts,
 * ACL_REVISION). Only where this user may change the ACL. Resolves with
 * whether it sent one.
 */
export async function reissueAclAfterJoins(client: MatrixClient, room: Room): Promise<boolean> {
	const me = client.getUserId();
	if (me === null) return false;
	const state = room.currentState;
	const aclEvent = state.getStateEvents(SERVER_ACL, '');
	if (aclEvent === null || !state.maySendStateEvent(SERVER_ACL, me)) return false;
	const ownHost = hostOf(serverNameOf(me));
	const aclAt = aclEvent.getTs();
	const newcomer = room
		.getJoinedMembers()
		.some((member) => hostOf(serverNameOf(member.userId)) !== ownHost && (member.events.member?.getTs() ?? 0) > aclAt);
	if (!newcomer) return false;
	try {
		await client.sendStateEvent(room.roomId, SERVER_ACL as never, reissuedAcl(aclEvent.getContent<ServerAclContent>()) as never, '');
		return true;
	} catch {
		return false;
	}
}

/** The room's joined members' user IDs, sorted. */
export function joinedMembers(room: Room): readonly string[] {
	return room
		.getJoinedMembers()
		.map((member) => member.userId)
		.sort();
}

/** Who invited this user to the room, if it is an invitation. */
export function inviterOf(client: MatrixClient, room: Room): string | undefined {
	const me = client.getUserId();
	if (me === null || room.getMyMembership() !== 'invite') return undefined;
	return room.getMember(me)?.events.member?.getSender();
}
