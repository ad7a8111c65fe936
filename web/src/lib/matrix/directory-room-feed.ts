// The directory rooms of one Matrix client, as a feed for the view model that
// folds them (lib/directory/directories.svelte.ts). For each of the viewer's
// networks it finds the room by its alias — from what the sync store kept
// first, so the directory reads offline after one visit — and joins it; when
// the keeper's bridge has not made it yet, or the homeserver cannot be
// reached, it tries again quietly (5 s, doubling to 5 min, and after every
// sync that went through). It publishes a room whenever its events change, a
// burst once, with its whole history read the first time (and the accounts
// that left before this one joined, asked of the homeserver then). Once this
// device is signed, it asks the room's bridges for their entries again, once
// per device and room (policies/directory/events/ask.ts): it holds no keys to
// what they sent before it existed.
import type { MembershipFact } from '../directory/core.ts';
import { loadWholeHistory } from './cases.ts';
import { readArrival } from './arrival.ts';
import {
	askForEntries,
	departedMembers,
	directoryEvents,
	joinDirectoryRoom,
	knownDirectoryRoom,
	membershipFacts,
	ownDeviceSigned,
	undecryptedCount,
	type DirectoryRoomEvent,
} from './directory-room.ts';
import { ClientEvent, MatrixEventEvent, RoomEvent, SyncState, type MatrixClient, type MatrixEvent } from './sdk.ts';
import type { Arrival } from '#policies/trust/index.ts';
import type { AliasMemory } from './alias-memory.ts';

export { aliasMemory } from './alias-memory.ts';

export interface WantedDirectory {
	readonly network: string;
	readonly alias: string;
	/** A 24/7 room: joined only once this account is invited to it, never tried again on a timer. */
	readonly invitedOnly?: boolean;
}

/** One directory room as read now: its events, and how each reached this browser (for the trust rule). */
export interface DirectoryRoomRead {
	readonly network: string;
	readonly roomId: string;
	readonly events: readonly DirectoryRoomEvent[];
	/** Messages that could not be decrypted (sent before the viewer joined, or their key has not come). */
	readonly undecrypted: number;
	/** The room's memberships, oldest first, for the fold to tell whose account left. */
	readonly memberships: readonly MembershipFact[];
	arrival(eventId: string): Promise<Arrival | undefined>;
}

export type RoomState = 'looking' | 'not-yet' | 'joined';

export interface DirectoryRoomListener {
	/** Where finding the network's room stands. */
	state(network: string, state: RoomState): void;
	/** The room's events, read again. */
	read(room: DirectoryRoomRead): Promise<void>;
}

const FIRST_RETRY_MS = 5_000;
const LAST_RETRY_MS = 300_000;

export class DirectoryRoomFeed {
	readonly #client: MatrixClient;
	readonly #wanted: readonly WantedDirectory[];
	readonly #listener: DirectoryRoomListener;
	readonly #memory: AliasMemory;
	/** Room ID → the device of this account that asked there (none: this feed's rooms are not asked). */
	readonly #asked: AliasMemory | undefined;
	readonly #asking = new Set<string>();
	/** Room ID → network, for the rooms found. */
	readonly #rooms = new Map<string, string>();
	readonly #loaded = new Set<string>();
	/** Room ID → the accounts out of it when its history was read (those before this account joined among them). */
	readonly #departed = new Map<string, readonly MembershipFact[]>();
	readonly #scheduled = new Set<string>();
	readonly #retries = new Map<string, { timer: ReturnType<typeof setTimeout> | undefined; delay: number }>();
	#unsubscribe: (() => void) | undefined;
	#stopped = false;

	constructor(
		client: MatrixClient,
		wanted: readonly WantedDirectory[],
		listener: DirectoryRoomListener,
		memory: AliasMemory,
		asked?: AliasMemory,
	) {
		this.#client = client;
		this.#wanted = wanted;
		this.#listener = listener;
		this.#memory = memory;
		this.#asked = asked;
	}

	/** Subscribes, then finds each room; resolves once every room kept in this browser has been read. */
	async start(): Promise<void> {
		const client = this.#client;
		const onEvent = (event: MatrixEvent): void => {
			const roomId = event.getRoomId();
			if (roomId !== undefined && this.#rooms.has(roomId)) this.refresh(roomId);
		};
		const onSync = (state: SyncState): void => {
			if (state !== SyncState.Syncing) return;
			for (const wanted of this.#wanted)
				if (this.#roomOf(wanted.network) === undefined && wanted.invitedOnly !== true) this.#tryNow(wanted);
			for (const roomId of this.#rooms.keys())
				if (!this.#loaded.has(roomId)) this.refresh(roomId);
				else void this.#askOnce(roomId);
		};
		// A room the client learns of (from the kept sync, or joined meanwhile) may be a directory room still looked for.
		const onRoom = (): void => {
			for (const wanted of this.#wanted) {
				if (this.#roomOf(wanted.network) !== undefined) continue;
				const kept = knownDirectoryRoom(client, wanted.alias, this.#memory.get(wanted.alias));
				if (wanted.invitedOnly === true && kept?.getMyMembership() === 'invite') void this.#join(wanted);
				if (kept?.getMyMembership() !== 'join') continue;
				this.#found(wanted, kept.roomId);
				this.refresh(kept.roomId);
			}
		};
		client.on(RoomEvent.Timeline, onEvent);
		client.on(MatrixEventEvent.Decrypted, onEvent);
		client.on(ClientEvent.Sync, onSync);
		client.on(ClientEvent.Room, onRoom);
		client.on(RoomEvent.MyMembership, onRoom);
		this.#unsubscribe = () => {
			client.off(RoomEvent.Timeline, onEvent);
			client.off(MatrixEventEvent.Decrypted, onEvent);
			client.off(ClientEvent.Sync, onSync);
			client.off(ClientEvent.Room, onRoom);
			client.off(RoomEvent.MyMembership, onRoom);
		};
		await Promise.all(this.#wanted.map((wanted) => this.#find(wanted)));
	}

	stop(): void {
		this.#stopped = true;
		this.#unsubscribe?.();
		for (const retry of this.#retries.values()) clearTimeout(retry.timer);
	}

	/** The room found for a network, if any. */
	roomOf(network: string): string | undefined {
		return this.#roomOf(network);
	}

	#roomOf(network: string): string | undefined {
		for (const [roomId, n] of this.#rooms) if (n === network) return roomId;
		return undefined;
	}

	/** Reads the room again soon: a burst of calls reads it once. */
	refresh(roomId: string): void {
		if (this.#scheduled.has(roomId)) return;
		this.#scheduled.add(roomId);
		queueMicrotask(() => {
			this.#scheduled.delete(roomId);
			void this.#read(roomId);
		});
	}

	async #find(wanted: WantedDirectory): Promise<void> {
		const kept = knownDirectoryRoom(this.#client, wanted.alias, this.#memory.get(wanted.alias));
		if (kept !== undefined && kept.getMyMembership() === 'join') {
			this.#found(wanted, kept.roomId);
			await this.#read(kept.roomId);
			return;
		}
		this.#listener.state(wanted.network, 'looking');
		await this.#join(wanted);
	}

	async #join(wanted: WantedDirectory): Promise<void> {
		if (this.#stopped || this.#roomOf(wanted.network) !== undefined) return;
		const joined = await joinDirectoryRoom(this.#client, wanted.alias, wanted.invitedOnly === true);
		if (this.#stopped) return;
		if (!joined.ok && wanted.invitedOnly === true) {
			// NOTE: not (yet) one of the 24/7 points: an invitation, when it comes, joins it (onRoom).
			this.#listener.state(wanted.network, 'not-yet');
			return;
		}
		if (!joined.ok) {
			console.debug('[directory] not joined yet', wanted.alias, joined.error);
			this.#listener.state(wanted.network, 'not-yet');
			this.#later(wanted);
			return;
		}
		this.#found(wanted, joined.value);
		await this.#read(joined.value);
	}

	#found(wanted: WantedDirectory, roomId: string): void {
		clearTimeout(this.#retries.get(wanted.network)?.timer);
		this.#retries.delete(wanted.network);
		this.#rooms.set(roomId, wanted.network);
		this.#memory.set(wanted.alias, roomId);
		this.#listener.state(wanted.network, 'joined');
	}

	#later(wanted: WantedDirectory): void {
		const retry = this.#retries.get(wanted.network) ?? { timer: undefined, delay: FIRST_RETRY_MS / 2 };
		clearTimeout(retry.timer);
		retry.delay = Math.min(retry.delay * 2, LAST_RETRY_MS);
		retry.timer = setTimeout(() => void this.#join(wanted), retry.delay);
		this.#retries.set(wanted.network, retry);
	}

	#tryNow(wanted: WantedDirectory): void {
		const retry = this.#retries.get(wanted.network);
		if (retry === undefined || retry.delay <= FIRST_RETRY_MS) return;
		clearTimeout(retry.timer);
		retry.timer = undefined;
		void this.#join(wanted);
	}

	async #read(roomId: string): Promise<void> {
		const network = this.#rooms.get(roomId);
		const room = this.#client.getRoom(roomId);
		if (network === undefined || room === null || this.#stopped) return;
		if (!this.#loaded.has(roomId)) {
			this.#loaded.add(roomId);
			try {
				await loadWholeHistory(this.#client, room);
				const departed = await departedMembers(this.#client, roomId);
				if (departed.ok) this.#departed.set(roomId, departed.value);
				else this.#loaded.delete(roomId);
			} catch {
				// Offline: what the sync store kept is read now; the rest after the next sync.
				this.#loaded.delete(roomId);
			}
		}
		if (this.#stopped) return;
		if (this.#loaded.has(roomId)) void this.#askOnce(roomId);
		const client = this.#client;
		await this.#listener.read({
			network,
			roomId,
			events: directoryEvents(room),
			undecrypted: undecryptedCount(room),
			memberships: [...(this.#departed.get(roomId) ?? []), ...membershipFacts(room)],
			arrival: (eventId) => {
				const event = room.findEventById(eventId);
				return event === undefined ? Promise.resolve(undefined) : readArrival(client, event);
			},
		});
	}

	/** This device asks the room's bridges once (after its history was read, once it is signed); tried again on a later read if not sent. */
	async #askOnce(roomId: string): Promise<void> {
		const device = this.#client.getDeviceId();
		if (this.#asked === undefined || device === null || this.#asked.get(roomId) === device || this.#asking.has(roomId)) return;
		this.#asking.add(roomId);
		try {
			if (!(await ownDeviceSigned(this.#client)) || this.#stopped) return;
			const sent = await askForEntries(this.#client, roomId);
			if (sent.ok) this.#asked.set(roomId, device);
			else console.debug('[directory] the ask for entries was not sent; tried again on a later read', roomId, sent.error);
		} finally {
			this.#asking.delete(roomId);
		}
	}
}
