// The case rooms of one Matrix client, as a feed for the view model that keeps
// their state (lib/cases/case-rooms.svelte.ts). It listens to the client —
// timeline events and local echoes, decryptions, new rooms, the viewer's
// membership, members' changes — and publishes each room that changed, a
// burst of events once: an invitation with who sent it; a joined case room,
// its whole history (and its members) read the first time, with its
// timeline (case-timeline.ts). It tells the listener when the homeserver may
// answer again (a sync went through, the browser is back online), for the
// outbox. Beneath the listener it decrypts again what was refused for an
// unsigned device (unsigned-retry.ts) and re-issues a room's server ACL after
// a party server joined (acl-reissue.ts).
import { AclReissue } from './acl-reissue.ts';
import { inviterOf, isCaseRoomCandidate, loadWholeHistory } from './cases.ts';
import { isNetworkRoom } from './network-room.ts';
import { caseTimelineOf, type CaseTimeline } from './case-timeline.ts';
import {
	ClientEvent,
	MatrixEventEvent,
	Method,
	RoomEvent,
	RoomStateEvent,
	SyncState,
	type MatrixClient,
	type MatrixEvent,
	type Room,
} from './sdk.ts';
import { retryUnsignedOnDeviceUpdates } from './unsigned-retry.ts';

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
		const onSync = (state: SyncState): void => {
			if (state === SyncState.Error || state === SyncState.Reconnecting) this.#lost = true;
			if (state !== SyncState.Syncing) return;
			this.#lost = false;
			this.#listener.reconnected();
			// Rooms whose history could not be read (opened offline, from the kept sync) are read again now.
			for (const roomId of this.#unread) this.refresh(roomId);
		};
		const onOnline = (): void => this.#listener.reconnected();
		const onOffline = (): void => this.connectionLost();
		client.on(ClientEvent.Sync, onSync);
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

	/** A request got no answer from the homeserver: the rooms are not caught up until the next sync goes through. */
	connectionLost(): void {
		this.#lost = true;
	}

	/** Reads the room now, once what it received is decrypted; resolves when the listener has had it. */
	async readNow(roomId: string): Promise<void> {
		const room = this.#client.getRoom(roomId);
		if (room === null) return;
		const decrypting = room
			.getLiveTimeline()
			.getEvents()
			.map((event) => event.getDecryptionPromise())
			.filter((promise) => promise !== null);
		await Promise.all(decrypting);
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
		if (membership !== 'join' || !isCaseRoomCandidate(room)) return;
		if (!this.#loaded.has(roomId)) {
			this.#loaded.add(roomId);
			try {
				await room.loadMembersIfNeeded();
				await loadWholeHistory(this.#client, room);
				this.#unread.delete(roomId);
			} catch {
				// What arrived (or was kept in this browser) is published; the rest is asked for again after the next sync.
				this.#loaded.delete(roomId);
				this.#unread.add(roomId);
			}
		}
		await this.#listener.joined(caseTimelineOf(this.#client, room));
		if (this.#stopped) return;
		this.#acl.consider(this.#client, room);
	}
}
