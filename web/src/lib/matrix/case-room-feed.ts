// The case rooms of one Matrix client, as a feed for the view model that keeps
// their state (lib/cases/case-rooms.svelte.ts). It listens to the client —
// timeline events and local echoes, decryptions, new rooms, the viewer's
// membership, members' changes — and publishes each room that changed, a
// burst of events once: an invitation with who sent it; a joined case room,
// its whole history (and its members) read the first time, with its
// timeline (case-timeline.ts). After a homeserver fault a case room catches
// up (issue 14): when the SDK resets its live timeline (a `limited` sync), its
// whole history is read again back to its creation and checked against the
// homeserver's (catch-up.ts, history-walk.ts), and the listener is told the
// room is catching up until it is whole; after an outage (a lost connection,
// or a long silence of the sync) each case room is checked the same way, and
// read again only if the homeserver holds messages its timeline lacks. It tells
// the listener when the homeserver may answer again (a sync went through,
// the browser is back online), for the outbox. Beneath the listener it decrypts again what was refused for an
// unsigned device (unsigned-retry.ts) and re-issues a room's server ACL after
// a party server joined (acl-reissue.ts).
import { AclReissue } from './acl-reissue.ts';
import { CatchUps, missingFrom } from './catch-up.ts';
import { inviterOf, isCaseRoomCandidate, loadWholeHistory } from './cases.ts';
import { serverMessages, type ServerHistory } from './history-walk.ts';
import { isNetworkRoom } from './network-room.ts';
import { caseTimelineOf, type CaseTimeline } from './case-timeline.ts';
import {
	ClientEvent,
	MatrixEventEvent,
	Method,
	RoomEvent,
	RoomStateEvent,
	SyncState,
	type EventTimelineSet,
	type MatrixClient,
	type MatrixEvent,
	type Room,
	type SyncStateData,
} from './sdk.ts';
import { retryUnsignedOnDeviceUpdates } from './unsigned-retry.ts';

/** No sync for this long (the SDK's long poll answers within 30 s) means the homeserver did not answer: an outage. */
const SILENCE_MS = 45_000;
/** After an outage, when each case room is checked against its homeserver: now, and as the federation's peers retry. */
const RECHECK_AFTER_MS = [0, 30_000, 120_000];

export interface Invitation {
	/** Who invited the viewer, when the room says. */
	readonly inviter: string | undefined;
	/** Whether the room is encrypted already (a case room is, from its creation). */
	readonly encrypted: boolean;
}

export interface CaseRoomListener {
	/** The viewer is invited to the room. */
	invited(roomId: string, invitation: Invitation): void;
	/** The viewer is no longer only invited to the room: joined it, left it, or was never invited. */
	notInvited(roomId: string): void;
	/** A joined case room, read again; the feed goes on with the room once the listener has done with it. */
	joined(timeline: CaseTimeline): Promise<void>;
	/**
	 * A joined case room is catching up: what its timeline holds is not known
	 * to be its whole history (its live timeline was reset: by a cut-short
	 * sync, or by the feed when a check found the homeserver holds more), and
	 * it is being read again. The listener keeps what it had;
	 * `joined` follows once the room is whole.
	 */
	catchingUp(roomId: string): void;
	/** The homeserver may answer again: a sync went through, or the browser is back online. */
	reconnected(): void;
}

export class CaseRoomFeed {
	readonly #client: MatrixClient;
	readonly #listener: CaseRoomListener;
	readonly #acl = new AclReissue();
	readonly #scheduled = new Set<string>();
	/** Rooms whose whole history has been asked for. */
	readonly #loaded = new Set<string>();
	/** The joined case rooms, as last read. */
	readonly #cases = new Set<string>();
	/** Which case rooms are catching up, and when each is done. */
	readonly #catchUps = new CatchUps();
	/** Rooms whose live timeline the catch-up replaces at the next safe moment (#resetWhenSafe). */
	readonly #resets = new Set<string>();
	/** The room whose live timeline the catch-up is replacing, while it does. */
	#ownReset: string | undefined;
	/** The position of the last sync the SDK finished processing: the live timelines hold every event up to it. */
	#syncToken: string | undefined;
	/** When the last sync went through (Date.now()). */
	#lastSync = Date.now();
	/** The checks scheduled after an outage (#recheckAfterOutage). */
	readonly #rechecks = new Set<ReturnType<typeof setTimeout>>();
	/** Rooms whose members or history the homeserver did not give (offline): asked for again after the next sync. */
	readonly #unread = new Set<string>();
	/**
	 * The connection was seen lost (the browser went offline, a sync failed, a
	 * request got no answer) and no sync has gone through since. NOTE: the
	 * SDK's sync state alone cannot say: a sync request begun before the
	 * connection went may still be pending, and the state stays "syncing"
	 * through a short outage and just after it, before the homeserver has
	 * told what happened meanwhile.
	 */
	#lost = false;
	#unsubscribe: (() => void) | undefined;
	#stopped = false;

	constructor(client: MatrixClient, listener: CaseRoomListener) {
		this.#client = client;
		this.#listener = listener;
	}

	/** Subscribes to the client and reads every room once; resolves when the listener has had each. */
	async start(): Promise<void> {
		const client = this.#client;
		const onEvent = (event: MatrixEvent): void => {
			const roomId = event.getRoomId();
			if (roomId !== undefined) this.refresh(roomId);
		};
		const onRoom = (room: Room): void => this.refresh(room.roomId);
		client.on(RoomEvent.Timeline, onEvent);
		client.on(RoomEvent.LocalEchoUpdated, onEvent);
		client.on(MatrixEventEvent.Decrypted, onEvent);
		client.on(ClientEvent.Room, onRoom);
		client.on(RoomEvent.MyMembership, onRoom);
		client.on(RoomStateEvent.Members, onEvent);
		this.#syncToken = client.getSyncStateData()?.nextSyncToken;
		const onSync = (state: SyncState, _previous: SyncState | null, data?: SyncStateData): void => {
			if (state === SyncState.Error || state === SyncState.Reconnecting) this.#lost = true;
			if (state !== SyncState.Syncing) return;
			this.#syncToken = data?.nextSyncToken ?? this.#syncToken;
			this.#applyResets();
			const now = Date.now();
			// A homeserver stopped or cut off leaves a sync request unanswered without failing it: a long silence is an outage too.
			const silent = now - this.#lastSync > SILENCE_MS;
			this.#lastSync = now;
			const wasLost = this.#lost || silent;
			this.#lost = false;
			this.#listener.reconnected();
			// Rooms whose history could not be read (opened offline, from the kept sync) are read again now.
			for (const roomId of this.#unread) this.refresh(roomId);
			// Back from an outage, a room's timeline may lack what the homeserver got only by backfill: each case room is checked.
			if (wasLost) this.#recheckAfterOutage();
		};
		const onOnline = (): void => this.#listener.reconnected();
		const onOffline = (): void => this.connectionLost();
		const onReset = (room: Room | undefined, timelineSet: EventTimelineSet): void => {
			if (room === undefined || timelineSet !== room.getUnfilteredTimelineSet() || !this.#cases.has(room.roomId)) return;
			// NOTE: the events before the reset are gone from the live timeline: read without them, the case
			// would fold incomplete or not opened. The whole history is read again (catch-up.ts).
			const own = this.#ownReset === room.roomId;
			console.debug('[case rooms] catching up:', own ? 'the timeline was read again' : 'the SDK reset the live timeline of', room.roomId);
			this.#catchUps.reset(room.roomId, own);
			this.#loaded.delete(room.roomId);
			this.refresh(room.roomId);
		};
		client.on(ClientEvent.Sync, onSync);
		client.on(RoomEvent.TimelineReset, onReset);
		globalThis.addEventListener?.('online', onOnline);
		globalThis.addEventListener?.('offline', onOffline);
		const stopRetrying = retryUnsignedOnDeviceUpdates(client);
		this.#unsubscribe = () => {
			stopRetrying();
			client.off(ClientEvent.Sync, onSync);
			globalThis.removeEventListener?.('online', onOnline);
			globalThis.removeEventListener?.('offline', onOffline);
			client.off(RoomEvent.Timeline, onEvent);
			client.off(RoomEvent.LocalEchoUpdated, onEvent);
			client.off(MatrixEventEvent.Decrypted, onEvent);
			client.off(ClientEvent.Room, onRoom);
			client.off(RoomEvent.MyMembership, onRoom);
			client.off(RoomStateEvent.Members, onEvent);
			client.off(RoomEvent.TimelineReset, onReset);
		};
		await Promise.all(client.getRooms().map((room) => this.#read(room.roomId)));
	}

	/** Reads the room again, soon: a burst of calls (a sync, a decryption round) reads it once. */
	refresh(roomId: string): void {
		if (this.#scheduled.has(roomId)) return;
		this.#scheduled.add(roomId);
		queueMicrotask(() => {
			this.#scheduled.delete(roomId);
			void this.#read(roomId);
		});
	}

	/**
	 * Whether a sync has gone through since the connection was last seen lost:
	 * the rooms show what the homeserver had a moment ago (not only what this
	 * browser kept, nor what it had before an outage).
	 */
	caughtUp(): boolean {
		return !this.#lost && this.#client.getSyncState() === SyncState.Syncing;
	}

	/** Whether the room is catching up (its history is being read again after a reset or a reconnection). */
	catchingUp(roomId: string): boolean {
		return this.#catchUps.catching(roomId);
	}

	/** A request got no answer from the homeserver: the rooms are not caught up until the next sync goes through. */
	connectionLost(): void {
		this.#lost = true;
	}

	/** Reads the room now, once what it received is decrypted; resolves when the listener has had it. */
	async readNow(roomId: string): Promise<void> {
		const room = this.#client.getRoom(roomId);
		if (room === null) return;
		await decrypted(room);
		await this.#read(roomId);
	}

	/** Accepts an invitation (lib/cases/invitations.ts decides when, and tries again). */
	async join(roomId: string): Promise<void> {
		// NOTE: not the SDK's joinRoom: joining from an invitation, it flags the
		// crypto as awaiting the inviter's key bundle (MSC4268 history sharing,
		// which Rogatory does not use: room keys go to invited members), and for
		// 24 hours every start of the client asks the homeserver for the
		// inviter's keys before it opens — offline, it could not open at all.
		// The sync brings the joined room as it does any other.
		await this.#client.http.authedRequest(Method.Post, `/join/${encodeURIComponent(roomId)}`, undefined, {});
	}

	/** Declines an invitation (Synapse rejects it locally when the inviting server cannot be reached). */
	async decline(roomId: string): Promise<void> {
		await this.#client.leave(roomId);
	}

	/** Whether the viewer is still only invited (not joined, not rejected) to the room. */
	stillInvited(roomId: string): boolean {
		return this.#client.getRoom(roomId)?.getMyMembership() === 'invite';
	}

	/** Unsubscribes from the client: nothing is published after this. */
	stop(): void {
		this.#stopped = true;
		this.#unsubscribe?.();
		for (const timer of this.#rechecks) clearTimeout(timer);
		this.#rechecks.clear();
	}

	async #read(roomId: string): Promise<void> {
		const room = this.#client.getRoom(roomId);
		if (room === null || this.#stopped) return;
		const membership = room.getMyMembership();
		// A network's rooms are the network page's (lib/networks/): their invitations are not a case's.
		if (isNetworkRoom(room)) return this.#listener.notInvited(roomId);
		if (membership === 'invite') {
			const inviter = inviterOf(this.#client, room);
			return this.#listener.invited(roomId, { inviter, encrypted: room.hasEncryptionStateEvent() });
		}
		this.#listener.notInvited(roomId);
		if (membership !== 'join' || !isCaseRoomCandidate(room)) {
			this.#cases.delete(roomId);
			this.#catchUps.forget(roomId);
			return;
		}
		this.#cases.add(roomId);
		if (!this.#loaded.has(roomId)) {
			this.#loaded.add(roomId);
			const catching = this.#catchUps.catching(roomId);
			const generation = this.#catchUps.generation(roomId);
			if (catching) this.#listener.catchingUp(roomId);
			try {
				await room.loadMembersIfNeeded();
				await loadWholeHistory(this.#client, room, () => this.#catchUps.current(roomId, generation));
				this.#unread.delete(roomId);
				if (catching) await this.#check(room, generation);
			} catch {
				// What arrived (or was kept in this browser) is published; the rest is asked for again after the next sync.
				// A catching-up room stays so until a read goes through.
				if (this.#catchUps.current(roomId, generation)) {
					this.#loaded.delete(roomId);
					this.#unread.add(roomId);
				}
			}
		}
		if (this.#stopped) return;
		if (this.#catchUps.catching(roomId)) return this.#listener.catchingUp(roomId);
		await this.#listener.joined(caseTimelineOf(this.#client, room));
		if (this.#stopped) return;
		this.#acl.consider(this.#client, room);
	}
	/**
	 * Back from an outage (the connection was lost, or no sync went through
	 * for a long while), a case room's timeline may lack what its homeserver
	 * gets only later, from peers retrying, and then only by backfill: each
	 * case room is checked against the homeserver now and twice more as the
	 * peers come back (RECHECK_AFTER_MS). A check that finds nothing missing
	 * changes nothing and says nothing; one that does reads the room again
	 * (catching up).
	 */
	#recheckAfterOutage(): void {
		console.debug('[case rooms] back from an outage: checking', this.#cases.size, 'case rooms');
		for (const delay of RECHECK_AFTER_MS) {
			const timer = setTimeout(() => {
				this.#rechecks.delete(timer);
				for (const roomId of this.#cases) void this.#verify(roomId);
			}, delay);
			this.#rechecks.add(timer);
		}
	}

	/** Checks a room the feed holds whole against the homeserver's walk of it; reads it again if the homeserver holds more. */
	async #verify(roomId: string): Promise<void> {
		const room = this.#client.getRoom(roomId);
		const from = this.#syncToken;
		// A room catching up is checked at the end of its read.
		if (room === null || from === undefined || this.#stopped || this.#catchUps.catching(roomId) || !this.#loaded.has(roomId)) return;
		const generation = this.#catchUps.generation(roomId);
		let server: ServerHistory;
		try {
			server = await serverMessages(this.#client, roomId, from);
		} catch {
			return;
		}
		if (!this.#catchUps.current(roomId, generation) || this.#catchUps.catching(roomId)) return;
		const missing = missingFrom(new Set(eventIds(room)), server.messages);
		if (missing.length === 0) return;
		console.debug('[case rooms] catching up: the homeserver holds', missing.length, 'messages more of', roomId);
		this.#resetWhenSafe(roomId);
	}

	/**
	 * The room's history has been read back to its creation: once its events
	 * are decrypted, it is checked against the homeserver's own walk of it.
	 * When the homeserver holds messages the timeline lacks (its backfill was
	 * partial while the timeline was read, and filled in behind it), the live
	 * timeline is replaced and read again, a bounded number of times.
	 */
	async #check(room: Room, generation: number): Promise<void> {
		const roomId = room.roomId;
		await decrypted(room);
		const from = this.#syncToken;
		let missing: string[] | undefined;
		if (from !== undefined && this.#catchUps.current(roomId, generation)) {
			const server = await serverMessages(this.#client, roomId, from);
			missing = missingFrom(new Set(eventIds(room)), server.messages);
		}
		const step = this.#catchUps.checked(roomId, generation, missing?.length);
		if (step !== 'again') return;
		console.debug('[case rooms] catching up: the homeserver holds', missing?.length, 'more messages of', roomId, '— read again');
		this.#resetWhenSafe(roomId);
	}

	/**
	 * Replaces the room's live timeline with an empty one that pages back from
	 * the last sync's position (the TimelineReset that follows reads it again).
	 * NOTE: only between syncs: the SDK stores a sync's token before it adds
	 * the sync's events, so while it is processing one, an empty timeline from
	 * that token would lose the events not yet added. When the stored token is
	 * the last finished sync's, none is being processed; otherwise the next
	 * finished sync does it.
	 */
	#resetWhenSafe(roomId: string): void {
		this.#resets.add(roomId);
		if (this.#client.store.getSyncToken() === this.#syncToken) this.#applyResets();
	}

	#applyResets(): void {
		const token = this.#syncToken;
		if (token === undefined || this.#stopped) return;
		for (const roomId of [...this.#resets]) {
			this.#resets.delete(roomId);
			const room = this.#client.getRoom(roomId);
			if (room === null) continue;
			this.#ownReset = roomId;
			try {
				room.resetLiveTimeline(token, null);
			} finally {
				this.#ownReset = undefined;
			}
		}
	}
}

/** The IDs of the events the room's live timeline holds. */
function eventIds(room: Room): string[] {
	return room
		.getLiveTimeline()
		.getEvents()
		.map((event) => event.getId() ?? '');
}

/** Resolves once what the room's live timeline holds now is decrypted (or given up). */
async function decrypted(room: Room): Promise<void> {
	await Promise.all(
		room
			.getLiveTimeline()
			.getEvents()
			.map((event) => event.getDecryptionPromise())
			.filter((promise) => promise !== null),
	);
}
