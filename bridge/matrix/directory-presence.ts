// The bridge's part in its networks' directory rooms (docs/directory.md):
// at start and after each sync, for every network its authority belongs to,
// the keeper's bridge makes sure the room exists (created with the alias on
// its own server when the alias does not resolve) and every other bridge
// joins it by alias, trying again later while the keeper has not created it
// yet (logged once). Then it publishes its authority's `editors` (its people
// file's focal points and administrators, on its own server) whenever they
// differ from the ones it last sent there. When someone joins a directory
// room, it re-sends its authority's current entries — once per burst of joins
// — so the newcomer, who holds no keys to earlier messages (Megolm), gets
// them; so does a member's new signed device (directory-devices.ts; when:
// directory-resends.ts); the keeper also re-issues the room's ACL when a new server is in
// (policies/rooms/server-acl.ts, ACL_REVISION). Everything is sent encrypted,
// only to cross-signed devices (the client's isolation mode, trust.ts).
// Directory events never reach the case register: the sync skips these rooms
// (owns()), and the entries about this authority are read here instead. Each
// round also looks after the network's 24/7 room (points-presence.ts).
// NOTE: an entry that arrives in the moment between a checkpoint and a crash
// is missed by the re-send list until it is written again; the entries'
// authors are in the room and their own clients re-read the directory.
import * as sdk from 'matrix-js-sdk';
import { createHash, randomUUID } from 'node:crypto';
import { serverNameOf } from '../../policies/cases/ids/matrix.ts';
import {
	buildDirectoryContent,
	directoryEditors,
	isDirectoryAsk,
	directoryRoomRequest,
	type DirectoryPayload,
	type RosterStatement,
} from '../../policies/directory/index.ts';
import { aclAllows, reissuedAcl, type ServerAclContent } from '../../policies/rooms/server-acl.ts';
import type { AuthorityId, Person, Roster } from '../../policies/roster/types.ts';
import type { IdentityApproved } from './arrival.ts';
import { countedContent, editorMessage, memberMessage } from './editor-events.ts';
import type { RawEvent } from './sync-batch.ts';
import { readOwnPayload, takeEntry } from '../directory/own-entries.ts';
import { directoryPlan, type DirectoryPlace } from '../directory/plan.ts';
import { editorsPayload, sameEditors } from '../directory/editors-payload.ts';
import { readDirectoryState, writeDirectoryState, type DirectoryState, type EditorsPayload } from '../directory/state-file.ts';
import { DirectoryDeviceWatch } from './directory-devices.ts';
import { DirectoryResends } from './directory-resends.ts';
import { PointsPresence } from './points-presence.ts';

export interface DirectoryOptions {
	readonly roster: Roster;
	readonly authority: AuthorityId;
	/** Server name (as in user IDs) → authority: bridge/bot/config.ts serverMap. */
	readonly servers: ReadonlyMap<string, AuthorityId>;
	/** Server name → its bridge's user ID where not `@rogatory-bridge:<server>` (bridge/bot/config.ts bridgeMap). */
	readonly bridges?: ReadonlyMap<string, string>;
	/** The people of this authority's people file. */
	readonly people: readonly Person[];
	/** The roster this bridge loaded at its start, stated in its `editors` events (docs/directory.md, "Roster versions"). */
	readonly rosterEdition?: RosterStatement;
	/** The JSON file the bridge keeps its directory state in (state-file.ts). */
	readonly stateFile: string;
	/** Waits before looking for a keeper's room again when it did not exist. */
	readonly retryMs: number;
	/** How long a burst of joins is gathered before the one re-send. */
	readonly resendAfterMs?: number;
	/** The least time between two re-sends to one network for new devices (a join does not wait for it). */
	readonly deviceResendFloorMs?: number;
}

const ALIAS_PREFIX = '#rogatory-directory-';
/** An ask older than this when read (history at a start) is not answered: it was, or its device has had a re-send since. */
const ASK_FRESH_MS = 10 * 60_000;
/** When an ask that did not count (its device's signature not here yet) is read again. */
const ASK_RETRIES_MS = [5_000, 15_000, 45_000] as const;
const statusOf = (e: unknown): number | undefined => (e instanceof sdk.MatrixError ? e.httpStatus : undefined);
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const txn = (...parts: string[]): string => `rogatory-dir-${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 40)}`;

export class DirectoryPresence {
	readonly #client: sdk.MatrixClient;
	readonly #options: DirectoryOptions;
	readonly #self: string;
	readonly #ownServer: string;
	readonly #log: (line: string) => void;
	readonly #approved: IdentityApproved | undefined;
	readonly #places: readonly DirectoryPlace[];
	#state: DirectoryState;
	/** Network → when to look for the keeper's room again. */
	readonly #notBefore = new Map<string, number>();
	/** Networks whose missing room was logged. */
	readonly #loggedMissing = new Set<string>();
	readonly #resends: DirectoryResends;
	readonly #devices: DirectoryDeviceWatch;
	/** Room → servers the keeper re-issued the ACL for in this run. */
	readonly #aclCovers = new Map<string, Set<string>>();
	readonly #read = new Set<string>();
	/** Rooms joined (or created) in this run, before the sync shows the membership. */
	readonly #joined = new Set<string>();
	/** The networks' 24/7 rooms (points-presence.ts), looked after in the same rounds. */
	readonly #points: PointsPresence;
	#running: Promise<void> | undefined;
	#again = false;
	#stopped = false;

	constructor(client: sdk.MatrixClient, options: DirectoryOptions, self: string, log: (line: string) => void, approved?: IdentityApproved) {
		this.#client = client;
		this.#options = options;
		this.#self = self;
		this.#ownServer = serverNameOf(self);
		this.#log = log;
		this.#approved = approved;
		const plan = directoryPlan(options);
		this.#places = plan.places;
		for (const why of plan.skipped) log(`directory: ${why}`);
		this.#state = readDirectoryState(options.stateFile);
		this.#resends = new DirectoryResends({
			afterMs: options.resendAfterMs ?? 2_000,
			deviceFloorMs: options.deviceResendFloorMs ?? 300_000,
		});
		this.#devices = new DirectoryDeviceWatch(client, self, {
			rooms: () => this.#places.flatMap((p) => this.#state.rooms[p.network] ?? []),
			seen: () => this.#state.devices,
			remember: (devices) => {
				if (JSON.stringify(devices) !== JSON.stringify(this.#state.devices)) this.#save((s) => ({ ...s, devices }));
			},
			newDevicesIn: (byRoom) => {
				for (const [room, members] of byRoom) this.#newDevicesIn(room, members);
			},
			log,
		});
		this.#points = new PointsPresence(client, options, this.#places, () => this.tick(), self, log, approved);
	}

	/** Whether `room` is one of the directory rooms (its events are not case events: the sync skips them). */
	owns(room: string): boolean {
		if (Object.values(this.#state.rooms).includes(room) || this.#points.owns(room)) return true;
		return this.#client.getRoom(room)?.getCanonicalAlias()?.startsWith(ALIAS_PREFIX) === true;
	}

	/** Starts listening for joins and entries; the first round runs at once. */
	start(): void {
		this.#client.on(sdk.RoomMemberEvent.Membership, this.#onMembership);
		this.#client.on(sdk.RoomEvent.Timeline, this.#onEvent);
		this.#client.on(sdk.MatrixEventEvent.Decrypted, this.#onEvent);
		this.#devices.start();
		this.#points.start();
		this.tick();
		void this.settled().then(() => this.#devices.lookAtEveryone());
	}

	stop(): void {
		this.#stopped = true;
		this.#points.stop();
		this.#client.off(sdk.RoomMemberEvent.Membership, this.#onMembership);
		this.#client.off(sdk.RoomEvent.Timeline, this.#onEvent);
		this.#client.off(sdk.MatrixEventEvent.Decrypted, this.#onEvent);
		this.#devices.stop();
		this.#resends.stop();
	}

	/** One round (after a sync): one at a time, run again when asked meanwhile. */
	tick(): void {
		if (this.#stopped) return;
		if (this.#running !== undefined) {
			this.#again = true;
			return;
		}
		this.#running = this.#round()
			.catch((e: unknown) => this.#log(`directory: ${messageOf(e)} — will try again after the next sync`))
			.finally(() => {
				this.#running = undefined;
				if (this.#again) {
					this.#again = false;
					this.tick();
				}
			});
	}

	/** Resolves once the round in progress (and any asked for meanwhile) ended. */
	async settled(): Promise<void> {
		while (this.#running !== undefined) await this.#running;
	}

	async #round(): Promise<void> {
		for (const place of this.#places) {
			if (this.#stopped) return;
			const room = await this.#roomOf(place);
			if (room !== undefined) await this.#publishEditors(place, room);
			// NOTE: one network's 24/7 room failing does not hold up the others' directory rooms.
			await this.#points.round(place).catch((e: unknown) => this.#log(`directory: the ${place.network} 24/7 room: ${messageOf(e)}`));
		}
	}

	#save(change: (state: DirectoryState) => DirectoryState): void {
		this.#state = change(this.#state);
		writeDirectoryState(this.#options.stateFile, this.#state);
	}

	/** The room, joined; undefined while it cannot be (not created yet, or the join failed: tried again later). */
	async #roomOf(place: DirectoryPlace): Promise<string | undefined> {
		const known = this.#state.rooms[place.network];
		if (known !== undefined && (this.#joined.has(known) || this.#client.getRoom(known)?.getMyMembership() === sdk.KnownMembership.Join))
			return known;
		const now = Date.now();
		if (now < (this.#notBefore.get(place.network) ?? 0)) return undefined;
		let room: string | undefined;
		try {
			room = (await this.#client.getRoomIdForAlias(place.alias)).room_id;
		} catch (e) {
			if (statusOf(e) !== 404) throw e;
		}
		if (room === undefined && place.keeps) room = await this.#create(place);
		if (room === undefined) {
			this.#later(place.network, now);
			if (!this.#loggedMissing.has(place.network)) {
				this.#loggedMissing.add(place.network);
				this.#log(`directory: ${place.alias} does not exist yet (its keeper ${place.keeper} creates it) — will look again`);
			}
			return undefined;
		}
		if (!this.#joined.has(room) && this.#client.getRoom(room)?.getMyMembership() !== sdk.KnownMembership.Join) {
			try {
				await this.#client.http.authedRequest(sdk.Method.Post, `/join/${encodeURIComponent(place.alias)}`, {
					server_name: place.keeperServer,
				});
			} catch (e) {
				this.#later(place.network, now);
				this.#log(`directory: could not join ${place.alias} (${room}): ${messageOf(e)} — will try again`);
				return undefined;
			}
			this.#log(`directory: joined the ${place.network} directory room ${room} (${place.alias})`);
		}
		this.#joined.add(room);
		if (known !== room) this.#save((s) => ({ ...s, rooms: { ...s.rooms, [place.network]: room } }));
		this.#loggedMissing.delete(place.network);
		return room;
	}

	/** Looks again after retryMs, whether or not a sync comes meanwhile. */
	#later(network: string, now: number): void {
		this.#notBefore.set(network, now + this.#options.retryMs);
		setTimeout(() => this.tick(), this.#options.retryMs).unref();
	}

	async #create(place: DirectoryPlace): Promise<string | undefined> {
		const request = directoryRoomRequest({ network: place.network, keeperServer: this.#ownServer, networkServers: place.networkServers });
		if (!request.ok) {
			this.#log(`directory: cannot create the ${place.network} directory room: ${request.error}`);
			return undefined;
		}
		try {
			const { room_id } = await this.#client.createRoom(request.value as unknown as sdk.ICreateRoomOpts);
			this.#log(`directory: created the ${place.network} directory room ${room_id} (${place.alias})`);
			this.#save((s) => ({ ...s, rooms: { ...s.rooms, [place.network]: room_id } }));
			this.#joined.add(room_id);
			return room_id;
		} catch (e) {
			// Another run created it meanwhile (the alias is taken): it resolves next round.
			this.#log(`directory: could not create ${place.alias}: ${messageOf(e)} — will try again`);
			return undefined;
		}
	}

	#editorsNow(): string[] {
		return directoryEditors(this.#options.people, this.#options.authority).map((localpart) => `@${localpart}:${this.#ownServer}`);
	}

	async #publishEditors(place: DirectoryPlace, room: string): Promise<void> {
		const editors = this.#editorsNow();
		const now = { editors, roster: this.#options.rosterEdition };
		const same = (payload: EditorsPayload | undefined): boolean => sameEditors(payload, now);
		const sent = this.#state.editorsSent[place.network];
		if (sent !== undefined && sent.room === room && same(sent.payload)) return;
		if (this.#client.getRoom(room)?.hasEncryptionStateEvent() !== true) return; // NOTE: never in the clear: next round.
		const pending = this.#state.editorsPending[place.network];
		const payload: EditorsPayload =
			pending !== undefined && pending.room === room && same(pending.payload)
				? pending.payload
				: editorsPayload(this.#options.authority, now, { at: new Date().toISOString(), by: this.#self });
		this.#save((s) => ({ ...s, editorsPending: { ...s.editorsPending, [place.network]: { room, payload } } }));
		const content = buildDirectoryContent(payload);
		await this.#client.sendEvent(room, sdk.EventType.RoomMessage, content as never, txn(room, JSON.stringify(payload)));
		this.#save((s) => {
			const { [place.network]: _done, ...editorsPending } = s.editorsPending;
			return { ...s, editorsPending, editorsSent: { ...s.editorsSent, [place.network]: { room, payload } } };
		});
		this.#log(`directory: published the ${editors.length} editors of ${this.#options.authority} in the ${place.network} directory room`);
	}

	#placeOf(room: string): DirectoryPlace | undefined {
		const network = Object.entries(this.#state.rooms).find(([, r]) => r === room)?.[0];
		return this.#places.find((p) => p.network === network);
	}

	readonly #onMembership = (_event: sdk.MatrixEvent | null, member: sdk.RoomMember, old?: string): void => {
		if (member.userId === this.#self || member.membership !== sdk.KnownMembership.Join || old === sdk.KnownMembership.Join) return;
		const place = this.#placeOf(member.roomId);
		if (place !== undefined) this.#resends.forJoin(place.network, () => this.#resendNow(place, member.roomId), member.userId);
	};

	/** A member's new signed device: a re-send like a join's (directory-resends.ts says when). */
	#newDevicesIn(room: string, members: readonly string[]): void {
		const place = this.#placeOf(room);
		if (place !== undefined) this.#resends.forDevice(place.network, () => this.#resendNow(place, room), members);
	}

	#resendNow(place: DirectoryPlace, room: string): void {
		this.#resend(place, room).catch((e: unknown) =>
			this.#log(`directory: re-sending to the ${place.network} directory room failed: ${messageOf(e)}`),
		);
	}

	/** After a burst of joins: this authority's entries again, and (the keeper) the ACL re-issued for new servers. */
	async #resend(place: DirectoryPlace, room: string): Promise<void> {
		const matrixRoom = this.#client.getRoom(room);
		if (this.#stopped || matrixRoom?.hasEncryptionStateEvent() !== true) return;
		if (place.keeps)
			await this.#reissueAcl(matrixRoom).catch((e: unknown) =>
				this.#log(`directory: could not re-issue the ACL of ${room}: ${messageOf(e)}`),
			);
		const payloads: DirectoryPayload[] = Object.values(this.#state.entries[place.network] ?? {}).map((e) => e.payload);
		const editors = this.#state.editorsSent[place.network];
		if (editors !== undefined && editors.room === room) payloads.unshift(editors.payload);
		const burst = randomUUID();
		for (const payload of payloads) {
			if (this.#stopped) return;
			await this.#client.sendEvent(
				room,
				sdk.EventType.RoomMessage,
				buildDirectoryContent(payload) as never,
				txn(burst, JSON.stringify(payload)),
			);
		}
		this.#log(`directory: re-sent ${payloads.length} entries of ${this.#options.authority} to the ${place.network} directory room`);
	}

	async #reissueAcl(room: sdk.Room): Promise<void> {
		const acl: ServerAclContent | undefined = room.currentState.getStateEvents('m.room.server_acl', '')?.getContent();
		if (acl === undefined) return;
		const covered = this.#aclCovers.get(room.roomId) ?? new Set([this.#ownServer]);
		const joined = [...new Set(room.getJoinedMembers().map((m) => serverNameOf(m.userId)))];
		const fresh = joined.filter((server) => !covered.has(server) && aclAllows(acl, server));
		if (fresh.length === 0) return;
		await this.#client.sendStateEvent(room.roomId, 'm.room.server_acl' as never, reissuedAcl(acl) as never, '');
		this.#aclCovers.set(room.roomId, new Set([...covered, ...joined]));
		this.#log(`directory: re-issued the ACL of ${room.roomId} now that ${fresh.join(', ')} joined`);
	}

	/**
	 * An event of a directory room: an entry about this authority from one of its editors counts for the re-send;
	 * a member's ask (policies/directory/events/ask.ts) from a device that counts is answered with one.
	 */
	readonly #onEvent = (event: sdk.MatrixEvent): void => {
		const asks = isDirectoryAsk(event.getContent());
		const raw = asks ? memberMessage(event, this.#self) : editorMessage(event, this.#editorsNow(), this.#self);
		if (raw === undefined || this.#read.has(raw.event_id)) return;
		const place = this.#placeOf(raw.room_id);
		if (place === undefined) return;
		this.#read.add(raw.event_id);
		void (asks ? this.#takeAsk(place, raw, 0) : this.#take(place, raw)).catch((e: unknown) => {
			this.#read.delete(raw.event_id);
			this.#log(`directory: could not read ${raw.event_id}: ${messageOf(e)}`);
		});
	};

	/**
	 * A member's ask, answered when it counts. Its device signed itself just before asking, and the signature may
	 * reach this bridge after the ask: one not counted is read again a few times, a little later each time.
	 */
	async #takeAsk(place: DirectoryPlace, raw: RawEvent, attempt: number): Promise<void> {
		// NOTE: only an ask seen live: the history the client loads at start holds old asks, already answered.
		if (this.#stopped || Date.now() - Number(raw['origin_server_ts'] ?? 0) > ASK_FRESH_MS) return;
		const read = await countedContent(this.#client, raw, this.#approved, this.#log);
		if (read === 'unread') this.#read.delete(raw.event_id);
		if (read === 'not-counted' && attempt < ASK_RETRIES_MS.length)
			setTimeout(() => void this.#takeAsk(place, raw, attempt + 1).catch(() => undefined), ASK_RETRIES_MS[attempt]).unref();
		if (typeof read === 'string' || !isDirectoryAsk(read.content)) return;
		this.#log(`directory: ${String(raw['sender'])} asked for the entries again from a new device`);
		this.#resends.forAsk(place.network, () => this.#resendNow(place, raw.room_id));
	}

	async #take(place: DirectoryPlace, raw: RawEvent): Promise<void> {
		const read = await countedContent(this.#client, raw, this.#approved, this.#log);
		if (read === 'unread') this.#read.delete(raw.event_id);
		if (typeof read === 'string') return;
		const payload = readOwnPayload(read.content, this.#options.authority);
		if (payload === undefined) return;
		const entries = this.#state.entries[place.network] ?? {};
		const taken = takeEntry(entries, payload, raw.event_id);
		if (taken !== entries) this.#save((s) => ({ ...s, entries: { ...s.entries, [place.network]: taken } }));
	}
}
