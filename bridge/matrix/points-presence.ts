// The bridge's part in its networks' 24/7 rooms (docs/directory.md, "Contact
// details for 24/7 points only"), driven by DirectoryPresence's rounds: the
// keeper's bridge creates the room when its alias does not resolve and
// invites every other bridge of the network; the others join it once invited
// (the join rule is `invite`), looking again later until then. Each bridge
// then invites its own authority's 24/7 focal points (people file, role
// `focal-point-24-7`, on its own server) and takes out the people of its
// server who no longer are one. When someone joins, it re-sends its
// authority's current `contact` payloads (once per burst of joins), as in
// the directory room, since a newcomer holds no keys to earlier messages.
// It keeps only what came from its own authority's editors, Megolm-encrypted
// and counted by the trust rule.
import * as sdk from 'matrix-js-sdk';
import { createHash, randomUUID } from 'node:crypto';
import { serverNameOf } from '../../policies/cases/ids/matrix.ts';
import { buildDirectoryContent, directoryEditors, points247Of, pointsAlias, pointsRoomRequest } from '../../policies/directory/index.ts';
import type { AuthorityId, Person } from '../../policies/roster/types.ts';
import type { IdentityApproved } from './arrival.ts';
import { countedContent, editorMessage } from './editor-events.ts';
import type { RawEvent } from './sync-batch.ts';
import { readOwnContact, takeEntry } from '../directory/own-entries.ts';
import type { DirectoryPlace } from '../directory/plan.ts';
import { pointsStateFile, readPointsState, writePointsState, type PointsState } from '../directory/points-state.ts';

export interface PointsOptions {
	readonly authority: AuthorityId;
	readonly people: readonly Person[];
	/** The directory's state file; the 24/7 rooms' sits beside it (points-state.ts). */
	readonly stateFile: string;
	readonly retryMs: number;
	readonly resendAfterMs?: number;
}

const statusOf = (e: unknown): number | undefined => (e instanceof sdk.MatrixError ? e.httpStatus : undefined);
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const txn = (...parts: string[]): string => `rogatory-247-${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 40)}`;
const FAILED_INVITE_WAIT_MS = 5 * 60_000;
const IN = new Set<string>([sdk.KnownMembership.Join, sdk.KnownMembership.Invite]);

export class PointsPresence {
	readonly #client: sdk.MatrixClient;
	readonly #options: PointsOptions;
	readonly #self: string;
	readonly #ownServer: string;
	readonly #log: (line: string) => void;
	readonly #approved: IdentityApproved | undefined;
	readonly #file: string;
	readonly #places: readonly DirectoryPlace[];
	/** Asks for another round (DirectoryPresence.tick, which runs one at a time). */
	readonly #again: () => void;
	#state: PointsState;
	readonly #notBefore = new Map<string, number>();
	readonly #loggedMissing = new Set<string>();
	/** `room user` invited in this run (the sync may not show it yet). */
	readonly #invited = new Set<string>();
	/** `room user` whose invitation failed in this run → when to try again (logged once). */
	readonly #failed = new Map<string, number>();
	readonly #resends = new Map<string, ReturnType<typeof setTimeout>>();
	readonly #read = new Set<string>();
	readonly #joined = new Set<string>();
	#stopped = false;

	constructor(
		client: sdk.MatrixClient,
		options: PointsOptions,
		places: readonly DirectoryPlace[],
		again: () => void,
		self: string,
		log: (line: string) => void,
		approved?: IdentityApproved,
	) {
		this.#client = client;
		this.#options = options;
		this.#places = places;
		this.#again = again;
		this.#self = self;
		this.#ownServer = serverNameOf(self);
		this.#log = log;
		this.#approved = approved;
		this.#file = pointsStateFile(options.stateFile);
		this.#state = readPointsState(this.#file);
	}

	owns(room: string): boolean {
		return Object.values(this.#state.rooms).includes(room);
	}

	start(): void {
		this.#client.on(sdk.RoomMemberEvent.Membership, this.#onMembership);
		this.#client.on(sdk.RoomEvent.Timeline, this.#onEvent);
		this.#client.on(sdk.MatrixEventEvent.Decrypted, this.#onEvent);
	}

	stop(): void {
		this.#stopped = true;
		this.#client.off(sdk.RoomMemberEvent.Membership, this.#onMembership);
		this.#client.off(sdk.RoomEvent.Timeline, this.#onEvent);
		this.#client.off(sdk.MatrixEventEvent.Decrypted, this.#onEvent);
		for (const timer of this.#resends.values()) clearTimeout(timer);
	}

	/** One round for one network: the room joined (or created), then the invitations and removals this bridge owes. */
	async round(place: DirectoryPlace): Promise<void> {
		if (this.#stopped) return;
		const room = await this.#roomOf(place);
		if (room === undefined) return;
		const wanted = place.keeps ? place.networkBridges.filter((b) => serverNameOf(b) !== this.#ownServer) : [];
		const points = points247Of(this.#options.people, this.#options.authority).map((lp) => `@${lp}:${this.#ownServer}`);
		for (const user of [...new Set([...wanted, ...points])]) await this.#invite(room, user);
		await this.#takeOut(room, new Set(points));
	}

	#save(change: (state: PointsState) => PointsState): void {
		this.#state = change(this.#state);
		writePointsState(this.#file, this.#state);
	}

	#membership(room: string, user: string): string | undefined {
		return this.#client.getRoom(room)?.getMember(user)?.membership;
	}

	async #roomOf(place: DirectoryPlace): Promise<string | undefined> {
		const known = this.#state.rooms[place.network];
		if (known !== undefined && (this.#joined.has(known) || this.#client.getRoom(known)?.getMyMembership() === sdk.KnownMembership.Join))
			return known;
		const now = Date.now();
		if (now < (this.#notBefore.get(place.network) ?? 0)) return undefined;
		const alias = pointsAlias(place.network, place.keeperServer);
		let room: string | undefined;
		try {
			room = (await this.#client.getRoomIdForAlias(alias)).room_id;
		} catch (e) {
			if (statusOf(e) !== 404) throw e;
		}
		if (room === undefined && place.keeps) room = await this.#create(place, alias);
		if (room !== undefined && !this.#joined.has(room) && this.#client.getRoom(room)?.getMyMembership() !== sdk.KnownMembership.Join) {
			try {
				await this.#client.http.authedRequest(sdk.Method.Post, `/join/${encodeURIComponent(alias)}`, { server_name: place.keeperServer });
				this.#log(`directory: joined the ${place.network} 24/7 room ${room}`);
			} catch {
				room = undefined; // NOTE: not invited yet: the keeper's bridge invites the bridges once the room exists.
			}
		}
		if (room === undefined) {
			this.#notBefore.set(place.network, now + this.#options.retryMs);
			setTimeout(this.#again, this.#options.retryMs).unref();
			if (!this.#loggedMissing.has(place.network)) {
				this.#loggedMissing.add(place.network);
				this.#log(`directory: cannot join ${alias} yet (its keeper ${place.keeper} creates it and invites the bridges) — will look again`);
			}
			return undefined;
		}
		this.#joined.add(room);
		this.#loggedMissing.delete(place.network);
		if (known !== room) this.#save((s) => ({ ...s, rooms: { ...s.rooms, [place.network]: room } }));
		return room;
	}

	async #create(place: DirectoryPlace, alias: string): Promise<string | undefined> {
		const request = pointsRoomRequest(
			{ network: place.network, keeperServer: this.#ownServer, networkServers: place.networkServers },
			place.networkBridges,
		);
		if (!request.ok) {
			this.#log(`directory: cannot create the ${place.network} 24/7 room: ${request.error}`);
			return undefined;
		}
		try {
			const { room_id } = await this.#client.createRoom(request.value as unknown as sdk.ICreateRoomOpts);
			this.#log(`directory: created the ${place.network} 24/7 room ${room_id} (${alias})`);
			this.#joined.add(room_id);
			return room_id;
		} catch (e) {
			this.#log(`directory: could not create ${alias}: ${messageOf(e)} — will try again`);
			return undefined;
		}
	}

	async #invite(room: string, user: string): Promise<void> {
		const key = `${room} ${user}`;
		if (this.#invited.has(key) || IN.has(this.#membership(room, user) ?? '')) return;
		if (Date.now() < (this.#failed.get(key) ?? 0)) return;
		try {
			await this.#client.invite(room, user);
			this.#invited.add(key);
			this.#log(`directory: invited ${user} to the 24/7 room ${room}`);
		} catch (e) {
			// NOTE: an account not registered yet, or a server not reachable: next round.
			if (!this.#failed.has(key))
				this.#log(`directory: could not invite ${user} to the 24/7 room ${room}: ${messageOf(e)} — will try again`);
			// NOTE: not at every sync: an account that does not exist yet may take days to.
			this.#failed.set(key, Date.now() + FAILED_INVITE_WAIT_MS);
		}
	}

	/** The people of this server in the room (joined or invited) who are no longer 24/7 focal points. */
	async #takeOut(room: string, points: ReadonlySet<string>): Promise<void> {
		const members = this.#client.getRoom(room)?.getMembers() ?? [];
		for (const member of members) {
			const user = member.userId;
			if (user === this.#self || !IN.has(member.membership ?? '') || serverNameOf(user) !== this.#ownServer || points.has(user)) continue;
			try {
				await this.#client.kick(room, user);
				this.#invited.delete(`${room} ${user}`);
				this.#log(`directory: took ${user}, no longer a 24/7 focal point, out of the 24/7 room ${room}`);
			} catch (e) {
				this.#log(`directory: could not take ${user} out of the 24/7 room ${room}: ${messageOf(e)}`);
			}
		}
	}

	#placeOf(room: string): DirectoryPlace | undefined {
		const network = Object.entries(this.#state.rooms).find(([, r]) => r === room)?.[0];
		return this.#places.find((p) => p.network === network);
	}

	readonly #onMembership = (_event: sdk.MatrixEvent | null, member: sdk.RoomMember, old?: string): void => {
		if (member.userId === this.#self || member.membership !== sdk.KnownMembership.Join || old === sdk.KnownMembership.Join) return;
		const place = this.#placeOf(member.roomId);
		if (place === undefined || this.#resends.has(place.network) || this.#stopped) return;
		this.#resends.set(
			place.network,
			setTimeout(() => {
				this.#resends.delete(place.network);
				this.#resend(place, member.roomId).catch((e: unknown) =>
					this.#log(`directory: re-sending to the ${place.network} 24/7 room failed: ${messageOf(e)}`),
				);
			}, this.#options.resendAfterMs ?? 2_000),
		);
	};

	async #resend(place: DirectoryPlace, room: string): Promise<void> {
		if (this.#stopped || this.#client.getRoom(room)?.hasEncryptionStateEvent() !== true) return;
		const payloads = Object.values(this.#state.entries[place.network] ?? {}).map((e) => e.payload);
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
		this.#log(`directory: re-sent ${payloads.length} contact details of ${this.#options.authority} to the ${place.network} 24/7 room`);
	}

	readonly #onEvent = (event: sdk.MatrixEvent): void => {
		const raw = editorMessage(
			event,
			directoryEditors(this.#options.people, this.#options.authority).map((lp) => `@${lp}:${this.#ownServer}`),
			this.#self,
		);
		if (raw === undefined || this.#read.has(raw.event_id)) return;
		const place = this.#placeOf(raw.room_id);
		if (place === undefined) return;
		this.#read.add(raw.event_id);
		void this.#take(place, raw).catch((e: unknown) => {
			this.#read.delete(raw.event_id);
			this.#log(`directory: could not read ${raw.event_id}: ${messageOf(e)}`);
		});
	};

	async #take(place: DirectoryPlace, raw: RawEvent): Promise<void> {
		const read = await countedContent(this.#client, raw, this.#approved, this.#log);
		if (read === 'unread') this.#read.delete(raw.event_id);
		if (typeof read === 'string') return;
		const payload = readOwnContact(read.content, this.#options.authority);
		if (payload === undefined) return;
		const entries = this.#state.entries[place.network] ?? {};
		const taken = takeEntry(entries, payload, raw.event_id);
		if (taken !== entries) this.#save((s) => ({ ...s, entries: { ...s.entries, [place.network]: taken } }));
	}
}
