// View model of the signed-in person's case rooms: every joined case room
// kept folded live into its record, with its discussion; invitations to case
// rooms from party homeservers are accepted on their own, and tried again
// when the homeserver refuses the join (invitations.ts); after a party
// server joins, the creator side re-issues the server ACL. Actions (open a
// request, move it, settle a conflict, write) go through
// lib/matrix/cases.ts, loaded lazily so the SDK stays out of server rendering.
// Files go through case-attachments.ts. Messages, case updates and files all
// go through the outbox (outbox.ts): queued and shown as pending while
// offline, sent in order once the homeserver answers.
import { err, ok, type Result } from '../../../../policies/result.ts';
import {
	AMENDABLE_BY,
	availableMoves,
	DEFAULT_REGISTRY,
	defaultWorkflowFor,
	foldCase,
	parseCaseReference,
	proposeSettlement,
	proposeTransition,
	serverNameOf,
	sideOf,
	type CaseFields,
	type CaseEvent,
	type CaseRecord,
	type FieldName,
	type OpenedCase,
	type RequestKind,
	type RoomId,
	type Side,
	type StatusId,
	type TransitionId,
	type TransitionRule,
	type UserId,
} from '../../../../policies/cases/index.ts';
import { caseRoomRequest } from '../../../../policies/rooms/case-room.ts';
import { OutboxSender } from './outbox-sender.svelte.ts';
import { EventTrust } from './event-trust.ts';
import { Invitations, type PendingInvitation } from './invitations.ts';
import { CaseAttachments } from './case-attachments.ts';
import { unreadableRooms, type UnreadableRoom } from './unreadable.ts';
import { bridgeUserId } from '../../../../policies/roster/bridge.ts';
import type { AuthorityId, Language, Roster } from '../../../../policies/roster/types.ts';
import type { SendProblem, TimelineItem } from '../matrix/cases.ts';
import type { MatrixClient, MatrixEvent, Room, SyncState } from '../matrix/sdk.ts';

type CasesApi = typeof import('../matrix/cases.ts');
type SdkApi = typeof import('../matrix/sdk.ts');
type ArrivalApi = typeof import('../matrix/arrival.ts');

export interface CaseRoomView {
	readonly roomId: string;
	readonly record: CaseRecord;
	readonly items: readonly TimelineItem[];
}

export interface CaseParties {
	readonly roster: Roster;
	/** Server name (as in user IDs) → authority, for every party homeserver this deployment knows. */
	readonly servers: ReadonlyMap<string, AuthorityId>;
	/** Each authority's homeserver in this deployment (the federation file's over the roster's). */
	readonly homeservers: ReadonlyMap<AuthorityId, string>;
}

export interface NewRequest {
	readonly kind: RequestKind;
	readonly requested: AuthorityId;
	readonly fields: CaseFields;
	/** Matrix IDs of the counterpart's people to invite. */
	readonly invite: readonly string[];
	readonly language: Language;
}

export type ActionProblem = SendProblem | { readonly kind: 'not-ready' };

export class CaseRooms {
	readonly #client: MatrixClient;
	readonly #parties: CaseParties;
	// NOTE: replaced whole on every change ($state.raw), never mutated.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#rooms = $state.raw<ReadonlyMap<string, CaseRoomView>>(new Map());
	#ready = $state(false);
	#api: { cases: CasesApi; sdk: SdkApi; arrival: ArrivalApi } | undefined;
	#stopped = false;
	// Bookkeeping the UI never reads: plain sets.
	/* eslint-disable svelte/prefer-svelte-reactivity */
	readonly #scheduled = new Set<string>();
	readonly #loaded = new Set<string>();
	/** The ACL event each room's ACL was last re-issued after, so a burst of refreshes sends one. */
	readonly #reissuedAfter = new Map<string, string>();
	readonly #reissuing = new Set<string>();
	/* eslint-enable svelte/prefer-svelte-reactivity */
	#unsubscribe: (() => void) | undefined;
	/** What the viewer sends, queued until the homeserver has it (messages, case updates, preservation events, files). */
	readonly outbox: OutboxSender;
	/** Each message's trust verdict (policies/trust): only what counts is folded. */
	readonly #trust = new EventTrust();
	/** Attaching files (queued like messages) and downloading them. */
	readonly attachments: CaseAttachments;
	#invitationList = $state.raw<readonly PendingInvitation[]>([]);
	readonly #invitations: Invitations;

	constructor(client: MatrixClient, parties: CaseParties) {
		this.#client = client;
		this.#parties = parties;
		this.#invitations = new Invitations({
			join: (roomId) => client.joinRoom(roomId).then(() => undefined),
			stillInvited: (roomId) => client.getRoom(roomId)?.getMyMembership() === 'invite',
			changed: (pending) => (this.#invitationList = pending),
			sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
		});
		this.outbox = new OutboxSender(`rogatory.outbox.${this.userId}`, typeof localStorage === 'undefined' ? undefined : localStorage);
		this.attachments = new CaseAttachments(client, this.outbox);
	}

	/** Invitations to case rooms being accepted, or refused by the homeserver after every attempt. */
	get invitations(): readonly PendingInvitation[] {
		return this.#invitationList;
	}

	/** Tries a refused invitation again. */
	retryInvitation(roomId: string): void {
		this.#invitations.retry(roomId);
	}

	/** Joined case rooms whose opening cannot be read yet (its key has not arrived, or is withheld), with the first such message. */
	get unreadable(): readonly UnreadableRoom[] {
		return unreadableRooms(this.#rooms.values());
	}

	/** False until every joined case room's history has been read once. */
	get ready(): boolean {
		return this.#ready;
	}

	get userId(): UserId {
		return (this.#client.getUserId() ?? '') as UserId;
	}

	/** The viewer's own authority, from their homeserver. */
	get self(): AuthorityId | undefined {
		return this.#parties.servers.get(serverNameOf(this.userId));
	}

	get parties(): CaseParties {
		return this.#parties;
	}

	/**
	 * Accepts a sender's changed identity once the viewer confirmed it with them:
	 * their messages are judged again, and count from now on. False when it failed.
	 */
	async approveIdentity(userId: string): Promise<boolean> {
		const api = this.#api;
		if (api === undefined) return false;
		const approved = await api.arrival.approveIdentity(this.#client, userId);
		if (!approved.ok) return false;
		this.#trust.forgetSender(userId);
		for (const roomId of this.#rooms.keys()) this.#schedule(roomId);
		return true;
	}

	/** Whether a message of a case room counts (judged, and trusted under policies/trust). */
	counts(eventId: string): boolean {
		return this.#trust.counts(eventId);
	}

	/** Every opened case the viewer is party to. */
	get records(): OpenedCase[] {
		return [...this.#rooms.values()].map((v) => v.record).filter((r): r is OpenedCase => r.opened);
	}

	room(roomId: string): CaseRoomView | undefined {
		return this.#rooms.get(roomId);
	}

	/** The viewer's side in a case, if their authority is a party. */
	sideIn(record: OpenedCase): Side | undefined {
		return sideOf(this.userId, record.parties, this.#parties.servers);
	}

	/** The moves the viewer's side may make now (none during a conflict). */
	movesFor(record: OpenedCase): TransitionRule[] {
		const side = this.sideIn(record);
		const workflow = DEFAULT_REGISTRY.get(record.workflow);
		return side === undefined || workflow === undefined ? [] : availableMoves(record, workflow, side);
	}

	async start(): Promise<void> {
		const [cases, sdk, attachments, arrival] = await Promise.all([
			import('../matrix/cases.ts'),
			import('../matrix/sdk.ts'),
			import('../matrix/case-attachments.ts'),
			import('../matrix/arrival.ts'),
		]);
		if (this.#stopped) return;
		this.#api = { cases, sdk, arrival };
		this.attachments.loaded(attachments);
		const client = this.#client;
		const onEvent = (event: MatrixEvent): void => {
			const roomId = event.getRoomId();
			if (roomId !== undefined) this.#schedule(roomId);
		};
		const onRoom = (room: Room): void => this.#schedule(room.roomId);
		const onMembership = (room: Room): void => this.#schedule(room.roomId);
		const onMembers = (event: MatrixEvent): void => onEvent(event);
		client.on(sdk.RoomEvent.Timeline, onEvent);
		client.on(sdk.RoomEvent.LocalEchoUpdated, onEvent);
		client.on(sdk.MatrixEventEvent.Decrypted, onEvent);
		client.on(sdk.ClientEvent.Room, onRoom);
		client.on(sdk.RoomEvent.MyMembership, onMembership);
		client.on(sdk.RoomStateEvent.Members, onMembers);
		const onSync = (state: SyncState): void => {
			if (state === sdk.SyncState.Syncing) this.outbox.retryNow();
		};
		const onOnline = (): void => this.outbox.retryNow();
		client.on(sdk.ClientEvent.Sync, onSync);
		globalThis.addEventListener?.('online', onOnline);
		const stopRetrying = cases.retryUnsignedOnDeviceUpdates(client);
		this.#unsubscribe = () => {
			stopRetrying();
			client.off(sdk.ClientEvent.Sync, onSync);
			globalThis.removeEventListener?.('online', onOnline);
			client.off(sdk.RoomEvent.Timeline, onEvent);
			client.off(sdk.RoomEvent.LocalEchoUpdated, onEvent);
			client.off(sdk.MatrixEventEvent.Decrypted, onEvent);
			client.off(sdk.ClientEvent.Room, onRoom);
			client.off(sdk.RoomEvent.MyMembership, onMembership);
			client.off(sdk.RoomStateEvent.Members, onMembers);
		};
		await Promise.all(client.getRooms().map((room) => this.#refresh(room.roomId)));
		this.#ready = true;
		this.outbox.start({
			send: (entry) => cases.sendWithTxnId(client, entry.roomId, entry.content, entry.txnId),
			accepted: (roomId) => this.#schedule(roomId),
			upload: (entry, progress) => this.attachments.upload(entry, progress),
			release: (txnId) => this.attachments.release(txnId),
		});
	}

	stop(): void {
		this.#stopped = true;
		this.#invitations.stop();
		this.#unsubscribe?.();
		this.outbox.stop();
	}

	/** Bursts of events (a sync, a decryption round) refold each room once. */
	#schedule(roomId: string): void {
		if (this.#scheduled.has(roomId)) return;
		this.#scheduled.add(roomId);
		queueMicrotask(() => {
			this.#scheduled.delete(roomId);
			void this.#refresh(roomId);
		});
	}

	async #refresh(roomId: string): Promise<void> {
		const api = this.#api;
		const room = this.#client.getRoom(roomId);
		if (api === undefined || room === null || this.#stopped) return;
		const membership = room.getMyMembership();
		if (membership === 'invite') return this.#maybeJoin(room);
		this.#invitations.forget(roomId);
		if (membership !== 'join' || !api.cases.isCaseRoomCandidate(room)) return;
		if (!this.#loaded.has(roomId)) {
			this.#loaded.add(roomId);
			try {
				await room.loadMembersIfNeeded();
				await api.cases.loadWholeHistory(this.#client, room);
			} catch {
				// What arrived is folded; the rest comes with later syncs.
			}
		}
		// NOTE: judged before folding, so the record never counts an event whose trust it does not know yet.
		await this.#trust.settle(api.cases.judgedEvents(room), (eventId) => {
			const event = room.findEventById(eventId);
			return event === undefined ? Promise.resolve(undefined) : api.arrival.readArrival(this.#client, event);
		});
		if (this.#stopped) return;
		const record = foldCase(
			api.cases.caseEnvelopes(room, (eventId) => this.#trust.counts(eventId)),
			{ room: roomId as RoomId, roster: this.#parties.roster, servers: this.#parties.servers, workflows: DEFAULT_REGISTRY },
		);
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a new value for $state.raw
		const next = new Map(this.#rooms);
		const items = api.cases.timelineItems(room, (eventId) => this.#trust.verdict(eventId));
		next.set(roomId, { roomId, record, items });
		this.#rooms = next;
		this.outbox.settle(roomId, (eventId, txnId) => api.cases.echoed(room, eventId, txnId));
		this.#reissueAcl(api.cases, room);
	}

	#reissueAcl(cases: CasesApi, room: Room): void {
		const current = room.currentState.getStateEvents(cases.SERVER_ACL, '')?.getId();
		if (current === undefined || this.#reissuing.has(room.roomId) || this.#reissuedAfter.get(room.roomId) === current) return;
		this.#reissuing.add(room.roomId);
		void cases.reissueAclAfterJoins(this.#client, room).then((sent) => {
			this.#reissuing.delete(room.roomId);
			if (sent) this.#reissuedAfter.set(room.roomId, current);
		});
	}

	/** Accepts an invitation to an encrypted room from someone on a party homeserver. */
	#maybeJoin(room: Room): void {
		const api = this.#api;
		if (api === undefined) return;
		const inviter = api.cases.inviterOf(this.#client, room);
		if (inviter === undefined || !this.#parties.servers.has(serverNameOf(inviter))) return;
		if (!room.hasEncryptionStateEvent()) return;
		this.#invitations.accept(room.roomId, inviter);
	}

	/** Creates the case room, sends the opening event and, where the workflow starts at draft, sends it. */
	async openRequest(request: NewRequest): Promise<Result<string, ActionProblem | { readonly kind: 'invalid'; readonly reason: string }>> {
		const api = this.#api;
		const self = this.self;
		if (api === undefined || self === undefined) return err({ kind: 'not-ready' });
		const me = this.userId;
		const requestedServer = this.#parties.homeservers.get(request.requested);
		if (requestedServer === undefined) return err({ kind: 'invalid', reason: request.requested });
		const template = caseRoomRequest({
			creatorServer: serverNameOf(me),
			partyServers: [requestedServer],
			invite: request.invite,
		});
		if (!template.ok) return err({ kind: 'invalid', reason: template.error });
		const workflow = defaultWorkflowFor(request.kind);
		const created = await api.cases.createCaseRoom(
			this.#client,
			template.value,
			{ type: 'opened', kind: request.kind, workflow: workflow.id, requesting: self, requested: request.requested, fields: request.fields },
			request.language,
			[bridgeUserId(serverNameOf(me)), bridgeUserId(requestedServer)],
		);
		if (!created.ok) return created;
		const { roomId, openingId } = created.value;
		const send = workflow.transitions.find((t) => t.from === workflow.initial && t.to === 'sent' && t.by.includes('requesting'));
		if (send !== undefined) {
			await api.cases.sendCaseEvent(
				this.#client,
				roomId,
				{ type: 'transition', follows: openingId as unknown as TransitionId, from: workflow.initial, to: send.to },
				request.language,
			);
		}
		return ok(roomId);
	}

	move(record: OpenedCase, to: StatusId, reason: string, language: Language): Result<void, ActionProblem> {
		const api = this.#api;
		const side = this.sideIn(record);
		const workflow = DEFAULT_REGISTRY.get(record.workflow);
		if (api === undefined || side === undefined || workflow === undefined) return err({ kind: 'not-ready' });
		if (this.outbox.statusChangePending(record.room))
			return err({ kind: 'invalid-event', reason: 'a status change is still waiting to be sent' });
		const proposed = proposeTransition(record, workflow, side, to, reason);
		if (!proposed.ok) return err({ kind: 'invalid-event', reason: proposed.error.reason });
		return this.#queueCaseEvent(record.room, proposed.value, language);
	}

	#queueCaseEvent(roomId: string, event: CaseEvent, language: Language): Result<void, ActionProblem> {
		const api = this.#api;
		if (api === undefined) return err({ kind: 'not-ready' });
		const content = api.cases.caseContent(event, language);
		if (!content.ok) return content;
		this.outbox.enqueue(roomId, content.value);
		return ok(undefined);
	}

	/** Sets the viewer's side's own reference (each authority amends only its own number). */
	setOwnReference(record: OpenedCase, reference: string, reason: string, language: Language): Result<void, ActionProblem> {
		const api = this.#api;
		const side = this.sideIn(record);
		if (api === undefined || side === undefined) return err({ kind: 'not-ready' });
		const parsed = parseCaseReference(reference);
		if (!parsed.ok) return err({ kind: 'invalid-event', reason: parsed.error });
		const field = side === 'requesting' ? 'requestingReference' : 'requestedReference';
		return this.amend(record, { [field]: parsed.value }, reason, language);
	}

	/** Amends fields of the request; refused here already when the viewer's side may not change one of them. */
	amend(record: OpenedCase, changes: Partial<CaseFields>, reason: string, language: Language): Result<void, ActionProblem> {
		const api = this.#api;
		const side = this.sideIn(record);
		if (api === undefined || side === undefined) return err({ kind: 'not-ready' });
		const forbidden = (Object.keys(changes) as FieldName[]).filter((field) => !AMENDABLE_BY[field].includes(side));
		if (forbidden.length > 0) return err({ kind: 'invalid-event', reason: `the ${side} side may not amend ${forbidden.join(', ')}` });
		return this.#queueCaseEvent(record.room, { type: 'amended', changes, reason }, language);
	}

	settle(record: OpenedCase, chosen: TransitionId, reason: string, language: Language): Result<void, ActionProblem> {
		const api = this.#api;
		if (api === undefined) return err({ kind: 'not-ready' });
		if (this.outbox.statusChangePending(record.room))
			return err({ kind: 'invalid-event', reason: 'a status change is still waiting to be sent' });
		const proposed = proposeSettlement(record, chosen, reason);
		if (!proposed.ok) return err({ kind: 'invalid-event', reason: proposed.error.reason });
		return this.#queueCaseEvent(record.room, proposed.value, language);
	}

	/**
	 * Links two requests both ways: this room is the `end` given of the relation, the target the other end (when the
	 * viewer is in it). A side that already carries the link is left as it is.
	 */
	linkBothWays(
		roomId: string,
		target: string,
		relation: 'preservation-mla',
		end: 'earlier' | 'later',
		language: Language,
	): Result<void, ActionProblem> {
		const other = end === 'earlier' ? 'later' : 'earlier';
		for (const [from, to, which] of [[roomId, target, end] as const, [target, roomId, other] as const]) {
			const record = this.room(from)?.record;
			if (record?.opened !== true || record.links.some((l) => l.relation === relation && l.target === to)) continue;
			const queued = this.#queueCaseEvent(from, { type: 'link', relation, end: which, target: to as RoomId }, language);
			if (!queued.ok) return queued;
		}
		return ok(undefined);
	}

	write(roomId: string, text: string, replyTo?: string): Result<void, ActionProblem> {
		const api = this.#api;
		if (api === undefined) return err({ kind: 'not-ready' });
		this.outbox.enqueue(roomId, api.cases.textContent(text, replyTo));
		return ok(undefined);
	}
}

let current: { client: MatrixClient; rooms: CaseRooms } | undefined;

/** The one CaseRooms of the page's Matrix client, started on first use. */
export function caseRoomsFor(client: MatrixClient, parties: CaseParties): CaseRooms {
	if (current?.client !== client) {
		current?.rooms.stop();
		const rooms = new CaseRooms(client, parties);
		current = { client, rooms };
		void rooms.start();
	}
	return current.rooms;
}
