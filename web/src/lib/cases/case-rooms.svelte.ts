// View model of the signed-in person's case rooms: every joined case room
// kept folded live into its record, with its discussion and its preservation
// events; invitations to case rooms from party homeservers are accepted on
// their own, and tried again when the homeserver refuses the join
// (invitations.ts). The rooms come from the case-room feed
// (lib/matrix/case-room-feed.ts), which listens to the client; this keeps
// their state. A room catching up after a homeserver fault (its history
// being read again) keeps the last whole record it had, never a partial or
// unopened one, and says it is catching up. Actions (open a request, move it, settle a conflict, write) go
// through lib/matrix/cases.ts; both are loaded lazily so the SDK stays out of
// server rendering.
// Files go through case-attachments.ts. Messages, case updates and files all
// go through the outbox (outbox.ts): queued and shown as pending while
// offline, sent in order once the homeserver answers.
import { err, ok, type Result } from '#policies/result.ts';
import {
	AMENDABLE_BY,
	availableMoves,
	CASE_KEY,
	DEFAULT_REGISTRY,
	defaultWorkflowFor,
	foldCase,
	parseCaseReference,
	proposeSettlement,
	proposeTransition,
	rendererFor,
	serverNameOf,
	sideOf,
	type BodyRenderer,
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
} from '#policies/cases/index.ts';
import { caseRoomRequest } from '#policies/rooms/case-room.ts';
import { OutboxSender, type SendCheck } from './outbox-sender.svelte.ts';
import { isCaseEventOf, type OutboxEntry } from './outbox.ts';
import { movedMeanwhile } from './queued-move.ts';
import { EventTrust } from './event-trust.ts';
import { Invitations, type PendingInvitation } from './invitations.ts';
import { DismissedInvitations } from './dismissed-invitations.ts';
import { CaseAttachments } from './case-attachments.ts';
import { unreadableRooms, type UnreadableRoom } from './unreadable.ts';
import { authorityName } from './labels.ts';
import { bridgeUserId } from '#policies/roster/bridge.ts';
import type { AuthorityId, Language, Roster } from '#policies/roster/types.ts';
import type { PreservationEnvelope } from '#policies/preservation/record/index.ts';
import { alertAcksOf, alertStepsOf, type AlertAck, type AlertStep } from '#policies/alerts/index.ts';
import { sendAlertAck } from '../matrix/alert-ack-send.ts';
import { userIdOf } from '../matrix/account.ts';
import type { CaseRoomFeed, Invitation } from '../matrix/case-room-feed.ts';
import type { CaseTimeline } from '../matrix/case-timeline.ts';
import { echoedAcknowledgement, mayAcknowledge } from './acknowledge-rule.ts';
import type { SendProblem, TimelineItem } from '../matrix/cases.ts';
import type { MatrixClient } from '../matrix/sdk.ts';

type CasesApi = typeof import('../matrix/cases.ts');
type ArrivalApi = typeof import('../matrix/arrival.ts');

let caseModules:
	Promise<[CasesApi, typeof import('../matrix/case-room-feed.ts'), typeof import('../matrix/case-attachments.ts'), ArrivalApi]> | undefined;

/**
 * The Matrix side of the case rooms, loaded once per page. The pages ask for
 * it as they mount, while the crypto's WebAssembly downloads: asked only
 * once the session opens, it would cost a round trip of its own after the
 * WebAssembly on a slow line. A load that failed (offline) is tried again at
 * the next ask.
 */
export function loadCaseModules(): NonNullable<typeof caseModules> {
	caseModules ??= Promise.all([
		import('../matrix/cases.ts'),
		import('../matrix/case-room-feed.ts'),
		import('../matrix/case-attachments.ts'),
		import('../matrix/arrival.ts'),
	]);
	caseModules.catch(() => (caseModules = undefined));
	return caseModules;
}

export interface CaseRoomView {
	readonly roomId: string;
	readonly record: CaseRecord;
	readonly items: readonly TimelineItem[];
	/** The room's preservation events that count, for the preservation fold (lib/preservation/). */
	readonly preservations: readonly PreservationEnvelope[];
	/** Who the viewer's own authority's bridge told of an unacknowledged alert, and when (policies/alerts/step-event.ts). */
	readonly alertSteps: readonly AlertStep[];
	/** Who of the viewer's own authority said they have an alert in hand, and when (policies/alerts/alert-ack.ts). */
	readonly alertAcks: readonly AlertAck[];
	/** The members' display names, by user ID (only those who set one). */
	readonly names: ReadonlyMap<string, string>;
	/** The joined members' user IDs. */
	readonly members: readonly string[];
	/** The types of the case events the viewer sent that the server echoed, counted yet or not (acknowledge-rule.ts). */
	readonly ownCaseTypes: ReadonlySet<string>;
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
	/** The case rooms being read again after a reset or a reconnection (the feed's `catchingUp`), until folded whole. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole on every change ($state.raw)
	#catchingUp = $state.raw<ReadonlySet<string>>(new Set());
	#api: { cases: CasesApi; arrival: ArrivalApi } | undefined;
	#feed: CaseRoomFeed | undefined;
	#stopped = false;
	/** What the viewer sends, queued until the homeserver has it (messages, case updates, preservation events, files). */
	readonly outbox: OutboxSender;
	/** Each message's trust verdict (policies/trust): only what counts is folded. */
	readonly #trust = new EventTrust();
	/** Attaching files (queued like messages) and downloading them. */
	readonly attachments: CaseAttachments;
	#invitationList = $state.raw<readonly PendingInvitation[]>([]);
	/** Made with the feed, which joins for it. */
	#invitations: Invitations | undefined;

	constructor(client: MatrixClient, parties: CaseParties) {
		this.#client = client;
		this.#parties = parties;
		this.outbox = new OutboxSender(`rogatory.outbox.${this.userId}`, typeof localStorage === 'undefined' ? undefined : localStorage);
		this.attachments = new CaseAttachments(client, this.outbox);
	}

	/** Invitations to case rooms being accepted, or refused by the homeserver after every attempt. */
	get invitations(): readonly PendingInvitation[] {
		return this.#invitationList;
	}

	/** Tries a refused invitation again. */
	retryInvitation(roomId: string): void {
		this.#invitations?.retry(roomId);
	}

	/** Declines an invitation that was refused or can never be accepted, and stops showing it. */
	dismissInvitation(roomId: string): void {
		this.#invitations?.dismiss(roomId);
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
		return userIdOf(this.#client);
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
		for (const roomId of this.#rooms.keys()) this.#feed?.refresh(roomId);
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

	/**
	 * Whether the room is catching up: its history is being read again after a
	 * homeserver fault or a reconnection; `room` keeps the last whole record meanwhile.
	 */
	catchingUp(roomId: string): boolean {
		return this.#catchingUp.has(roomId);
	}

	/** How many case rooms are catching up now (the dashboard says so). */
	get catchingUpCount(): number {
		return this.#catchingUp.size;
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
		const [cases, feeds, attachments, arrival] = await loadCaseModules();
		if (this.#stopped) return;
		this.#api = { cases, arrival };
		this.attachments.loaded(attachments);
		const client = this.#client;
		const feed = new feeds.CaseRoomFeed(client, {
			invited: (roomId, invitation) => this.#maybeJoin(roomId, invitation),
			notInvited: (roomId) => this.#invitations?.forget(roomId),
			joined: (timeline) => this.#fold(timeline),
			catchingUp: (roomId) => this.#markCatchingUp(roomId, true),
			reconnected: () => this.outbox.retryNow(),
		});
		this.#feed = feed;
		this.#invitations = new Invitations({
			join: (roomId) => feed.join(roomId),
			decline: (roomId) => feed.decline(roomId),
			dismissed: new DismissedInvitations(
				`rogatory.dismissed-invitations.${this.userId}`,
				typeof localStorage === 'undefined' ? undefined : localStorage,
			),
			log: (roomId, error) => console.debug('[invitations]', roomId, error),
			stillInvited: (roomId) => feed.stillInvited(roomId),
			changed: (pending) => (this.#invitationList = pending),
			sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
		});
		await feed.start();
		this.#ready = true;
		this.outbox.start({
			check: (entry) => this.#checkBeforeSending(feed, entry),
			send: async (entry) => {
				const sent = await cases.sendWithTxnId(client, entry.roomId, entry.content, entry.txnId);
				if (!sent.ok && sent.error.kind === 'unreachable') feed.connectionLost();
				return sent;
			},
			accepted: (roomId) => feed.refresh(roomId),
			upload: (entry, progress) => this.attachments.upload(entry, progress),
			release: (txnId) => this.attachments.release(txnId),
		});
	}

	/**
	 * An acknowledgement waits until the homeserver has been caught up with and
	 * the room read again, and leaves unsent when the room holds one of the
	 * viewer's already: a page opened afresh may queue one before the history
	 * it keeps shows the one said before the reload (acknowledge-rule.ts).
	 */
	async #checkAcknowledgement(feed: CaseRoomFeed, entry: OutboxEntry): Promise<SendCheck> {
		if (!feed.caughtUp() || feed.catchingUp(entry.roomId)) return { kind: 'wait' };
		await feed.readNow(entry.roomId);
		const view = this.#rooms.get(entry.roomId);
		const record = view?.record;
		const counted = record?.opened === true && record.acknowledgements.some((a) => a.by === this.userId);
		const said = counted || echoedAcknowledgement(view?.ownCaseTypes);
		return said ? { kind: 'said' } : { kind: 'send' };
	}

	/**
	 * A status change waits until the homeserver has been caught up with and
	 * the room read again (so a move the other side made meanwhile is in the
	 * record), then goes only if it still applies (queued-move.ts).
	 */
	async #checkBeforeSending(feed: CaseRoomFeed, entry: OutboxEntry): Promise<SendCheck> {
		if (isCaseEventOf(entry, CASE_KEY, 'acknowledged')) return this.#checkAcknowledgement(feed, entry);
		if (entry.kind !== 'transition' && entry.kind !== 'settlement') return { kind: 'send' };
		// A room catching up (read again after a homeserver fault) does not show every move yet.
		if (!feed.caughtUp() || feed.catchingUp(entry.roomId)) return { kind: 'wait' };
		await feed.readNow(entry.roomId);
		const refusal = movedMeanwhile(this.#rooms.get(entry.roomId)?.record, entry.content);
		return refusal === undefined ? { kind: 'send' } : { kind: 'refuse', refusal };
	}

	stop(): void {
		this.#stopped = true;
		this.#invitations?.stop();
		this.#feed?.stop();
		this.outbox.stop();
	}

	/** Folds a joined case room as the feed read it: its record, its discussion, its preservation events. */
	async #fold(timeline: CaseTimeline): Promise<void> {
		const api = this.#api;
		if (api === undefined || this.#stopped) return;
		const roomId = timeline.roomId;
		// NOTE: judged before folding, so the record never counts an event whose trust it does not know yet.
		await this.#trust.settle(timeline.judged(), (eventId) => timeline.arrival(eventId));
		// NOTE: the timeline is read as it is now; reset meanwhile, it holds a part of the history: the last whole record stays.
		if (this.#stopped || this.#feed?.catchingUp(roomId) === true) return;
		const counts = (eventId: string): boolean => this.#trust.counts(eventId);
		const record = foldCase(timeline.caseEnvelopes(counts), {
			room: roomId as RoomId,
			roster: this.#parties.roster,
			servers: this.#parties.servers,
			workflows: DEFAULT_REGISTRY,
		});
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a new value for $state.raw
		const next = new Map(this.#rooms);
		const items = timeline.items((eventId) => this.#trust.verdict(eventId));
		next.set(roomId, {
			roomId,
			record,
			items,
			preservations: timeline.preservationEnvelopes(counts),
			// NOTE: only the viewer's own bridge's, and only those that count: a member's account, or the other side's bridge, is not believed.
			alertSteps: alertStepsOf(timeline.alertStepEnvelopes(counts), bridgeUserId(serverNameOf(this.userId))),
			alertAcks: alertAcksOf(timeline.alertAckEnvelopes(counts), serverNameOf(this.userId)),
			names: timeline.names(),
			members: timeline.members(),
			ownCaseTypes: timeline.ownCaseTypes(this.userId),
		});
		this.#rooms = next;
		this.#markCatchingUp(roomId, false);
		this.outbox.settle(roomId, (eventId, txnId) => timeline.echoed(eventId, txnId));
	}

	#markCatchingUp(roomId: string, catching: boolean): void {
		if (this.#catchingUp.has(roomId) === catching) return;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a new value for $state.raw
		const next = new Set(this.#catchingUp);
		if (catching) next.add(roomId);
		else next.delete(roomId);
		this.#catchingUp = next;
	}

	/** Accepts an invitation to an encrypted room from someone on a party homeserver. */
	#maybeJoin(roomId: string, { inviter, encrypted }: Invitation): void {
		if (inviter === undefined || !this.#parties.servers.has(serverNameOf(inviter))) return;
		if (!encrypted) return;
		this.#invitations?.accept(roomId, inviter);
	}

	/** Creates the case room, sends the opening event and, where the workflow starts at draft, sends it. */
	async openRequest(request: NewRequest): Promise<Result<string, ActionProblem>> {
		const api = this.#api;
		const self = this.self;
		if (api === undefined || self === undefined) return err({ kind: 'not-ready' });
		const me = this.userId;
		const requestedServer = this.#parties.homeservers.get(request.requested);
		if (requestedServer === undefined) return err({ kind: 'invalid-event', code: 'no-homeserver', reason: request.requested });
		const template = caseRoomRequest({
			creatorServer: serverNameOf(me),
			partyServers: [requestedServer],
			invite: request.invite,
		});
		if (!template.ok) return err({ kind: 'invalid-event', code: 'not-a-party-server', reason: template.error });
		const workflow = defaultWorkflowFor(request.kind);
		const created = await api.cases.createCaseRoom(
			this.#client,
			template.value,
			{ type: 'opened', kind: request.kind, workflow: workflow.id, requesting: self, requested: request.requested, fields: request.fields },
			this.#renderer(request.language),
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
				this.#renderer(request.language),
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
			return err({ kind: 'invalid-event', code: 'status-change-pending', reason: 'a status change is still waiting to be sent' });
		const proposed = proposeTransition(record, workflow, side, to, reason);
		if (!proposed.ok) return err({ kind: 'invalid-event', ...proposed.error });
		return this.#queueCaseEvent(record.room, proposed.value, language);
	}

	/**
	 * Writes the stock-client body of what the viewer sends, in their language,
	 * authorities by the roster's names (the web app itself never shows it).
	 */
	#renderer(language: Language): BodyRenderer {
		const roster = this.#parties.roster;
		return rendererFor(language, { authorityName: (id) => authorityName(roster, id) });
	}

	#queueCaseEvent(roomId: string, event: CaseEvent, language: Language): Result<void, ActionProblem> {
		const api = this.#api;
		if (api === undefined) return err({ kind: 'not-ready' });
		const content = api.cases.caseContent(event, this.#renderer(language));
		if (!content.ok) return content;
		this.outbox.enqueue(roomId, content.value);
		return ok(undefined);
	}

	/**
	 * Whether the viewer may say they have the request in hand: they are on the
	 * requested side and have not said so (nor is it on its way).
	 */
	canAcknowledge(record: OpenedCase): boolean {
		return mayAcknowledge({
			side: this.sideIn(record),
			me: this.userId,
			acknowledgedBy: record.acknowledgements.map((a) => a.by),
			queued: this.outbox.caseEventPending(record.room, CASE_KEY, 'acknowledged'),
			echoed: echoedAcknowledgement(this.#rooms.get(record.room)?.ownCaseTypes),
		});
	}

	/** "I have it" for an alert of the viewer's own bridge (a lapsing preservation, issue 16); whether the homeserver took it. */
	acknowledgeAlert(roomId: string, alertId: string): Promise<boolean> {
		return sendAlertAck(this.#client, roomId, alertId);
	}

	/** "I have it": queues the viewer's acknowledgement once (issue 16); nothing when they may not, or did. */
	acknowledge(record: OpenedCase, language: Language): Result<void, ActionProblem> {
		if (this.sideIn(record) !== 'requested')
			return err({ kind: 'invalid-event', code: 'wrong-side', reason: 'only the requested side acknowledges a request' });
		if (!this.canAcknowledge(record)) return ok(undefined);
		return this.#queueCaseEvent(record.room, { type: 'acknowledged' }, language);
	}

	/** Sets the viewer's side's own reference (each authority amends only its own number). */
	setOwnReference(record: OpenedCase, reference: string, reason: string, language: Language): Result<void, ActionProblem> {
		const api = this.#api;
		const side = this.sideIn(record);
		if (api === undefined || side === undefined) return err({ kind: 'not-ready' });
		const parsed = parseCaseReference(reference);
		if (!parsed.ok) return err({ kind: 'invalid-event', code: 'reference', reason: parsed.error });
		const field = side === 'requesting' ? 'requestingReference' : 'requestedReference';
		return this.amend(record, { [field]: parsed.value }, reason, language);
	}

	/** Amends fields of the request; refused here already when the viewer's side may not change one of them. */
	amend(record: OpenedCase, changes: Partial<CaseFields>, reason: string, language: Language): Result<void, ActionProblem> {
		const api = this.#api;
		const side = this.sideIn(record);
		if (api === undefined || side === undefined) return err({ kind: 'not-ready' });
		const forbidden = (Object.keys(changes) as FieldName[]).filter((field) => !AMENDABLE_BY[field].includes(side));
		if (forbidden.length > 0)
			return err({ kind: 'invalid-event', code: 'not-amendable', reason: `the ${side} side may not amend ${forbidden.join(', ')}` });
		return this.#queueCaseEvent(record.room, { type: 'amended', changes, reason }, language);
	}

	settle(record: OpenedCase, chosen: TransitionId, reason: string, language: Language): Result<void, ActionProblem> {
		const api = this.#api;
		if (api === undefined) return err({ kind: 'not-ready' });
		if (this.outbox.statusChangePending(record.room))
			return err({ kind: 'invalid-event', code: 'status-change-pending', reason: 'a status change is still waiting to be sent' });
		const proposed = proposeSettlement(record, chosen, reason);
		if (!proposed.ok) return err({ kind: 'invalid-event', ...proposed.error });
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
