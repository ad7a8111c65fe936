// Carries out a network's rooms plan (policies/network/plan.ts,
// docs/network-rooms.md "Carrying out a plan") as the network's secretariat
// service account: each round resolves every alias of the plan and creates
// what is missing — the space first, then each child with
// `childRoomRequest(plan, child, spaceId)` — then lists each child (and each
// linked room, e.g. the directory room, once its keeper created it) in the
// space with `m.space.child`, and invites into the space the users the plan
// gives power to (the network's bridges and the secretariat's staff); then it
// creates each authority's reports room (outside the space) and invites into
// it that authority's bridge and the staff. It is
// idempotent by alias: a room whose alias resolves is never created again,
// and what was sent or invited is remembered in the state file
// (state-file.ts). A step that fails is logged in one line (what and why,
// never room contents) and the round goes on with the rest; the caller runs
// another round later (loop.ts) until one finishes with nothing left.
// NOTE: working groups are created like any child when the plan names them;
// the joint rooms of pairs of networks are not carried out here yet.
import {
	childRoomRequest,
	spaceChildState,
	type NetworkRoomRequest,
	type NetworkRoomsPlan,
	type SpaceChildContent,
} from '../../policies/network/index.ts';
import type { RoomId } from '../../policies/cases/ids/matrix.ts';
import type { StateEvent } from '../../policies/rooms/case-room.ts';
import { readNetworkRoomsState, withListed, writeNetworkRoomsState, type NetworkRoomsState } from './state-file.ts';

/** What the keeper asks of the service account's homeserver (bridge/matrix/network-keeper-client.ts gives it over matrix-js-sdk). */
export interface KeeperClient {
	/** The room the alias points at; undefined when it points nowhere (404). */
	resolveAlias(alias: string): Promise<string | undefined>;
	createRoom(request: NetworkRoomRequest): Promise<string>;
	sendState(room: string, event: StateEvent): Promise<void>;
	/** Resolves when the user is invited or is in the room already. */
	invite(room: string, user: string): Promise<void>;
}

export interface RoundOutcome {
	/** Every room exists, is listed, and everyone is invited. */
	readonly done: boolean;
	readonly space?: string;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class NetworkRoomsKeeper {
	readonly #client: KeeperClient;
	readonly #plan: NetworkRoomsPlan;
	readonly #stateFile: string;
	readonly #log: (line: string) => void;
	#state: NetworkRoomsState;

	constructor(client: KeeperClient, plan: NetworkRoomsPlan, stateFile: string, log: (line: string) => void) {
		this.#client = client;
		this.#plan = plan;
		this.#stateFile = stateFile;
		this.#log = log;
		this.#state = readNetworkRoomsState(stateFile);
	}

	/** The room each alias of the plan is known as, so far. */
	rooms(): Readonly<Record<string, string>> {
		return this.#state.rooms;
	}

	/** One pass over the plan; the failures are logged and left for the next round. */
	async round(): Promise<RoundOutcome> {
		const network = this.#plan.network;
		const space = await this.#roomOf(this.#plan.space.alias, () => this.#plan.space.request);
		if (space === undefined) return { done: false };
		let done = true;
		const listed: { readonly room: string; readonly child: SpaceChildContent }[] = [];
		for (const child of this.#plan.children) {
			const room = await this.#roomOf(child.alias, () => childRoomRequest(this.#plan, child, space as RoomId));
			if (room === undefined) done = false;
			else listed.push({ room, child: child.spaceChild });
		}
		for (const linked of this.#plan.linked) {
			const room = await this.#lookup(linked.alias);
			if (room === null) done = false;
			else if (room === undefined) {
				this.#log(`network: ${linked.alias} (the ${network} ${linked.kind} room) does not exist yet — will look again`);
				done = false;
			} else listed.push({ room, child: linked.spaceChild });
		}
		for (const { room, child } of listed) if (!(await this.#list(space, room, child))) done = false;
		for (const user of Object.keys(this.#plan.users)) if (!(await this.#invite(space, user))) done = false;
		// Each authority's reports room: outside the space, its bridge and the staff invited (policies/network/reports.ts).
		for (const reports of this.#plan.reports) {
			const room = await this.#roomOf(reports.alias, () => reports.request);
			if (room === undefined) done = false;
			else for (const user of reports.invite) if (!(await this.#invite(room, user, `reports room of ${reports.authority}`))) done = false;
		}
		return { done, space };
	}

	#save(change: (state: NetworkRoomsState) => NetworkRoomsState): void {
		this.#state = change(this.#state);
		writeNetworkRoomsState(this.#stateFile, this.#state);
	}

	/** The alias's room; undefined when it resolves nowhere, null when the lookup failed (logged). */
	async #lookup(alias: string): Promise<string | undefined | null> {
		try {
			return await this.#client.resolveAlias(alias);
		} catch (e) {
			this.#log(`network: could not resolve ${alias}: ${messageOf(e)} — will try again`);
			return null;
		}
	}

	/** The alias's room, created from `request` when the alias resolves nowhere. */
	async #roomOf(alias: string, request: () => NetworkRoomRequest): Promise<string | undefined> {
		let room = await this.#lookup(alias);
		if (room === null) return undefined;
		if (room === undefined) {
			try {
				room = await this.#client.createRoom(request());
			} catch (e) {
				// Another run may have taken the alias meanwhile: it resolves next round.
				this.#log(`network: could not create ${alias}: ${messageOf(e)} — will try again`);
				return undefined;
			}
			this.#log(`network: created ${alias} (${room})`);
		}
		const found = room;
		if (this.#state.rooms[alias] !== found) this.#save((s) => ({ ...s, rooms: { ...s.rooms, [alias]: found } }));
		return found;
	}

	async #list(space: string, room: string, content: SpaceChildContent): Promise<boolean> {
		if (this.#state.listed[space]?.includes(room) === true) return true;
		try {
			await this.#client.sendState(space, spaceChildState(room as RoomId, content));
		} catch (e) {
			this.#log(`network: could not list ${room} in the ${this.#plan.network} space ${space}: ${messageOf(e)} — will try again`);
			return false;
		}
		this.#save((s) => ({ ...s, listed: withListed(s.listed, space, room) }));
		return true;
	}

	/** Invites `user` into `room` (the space or a reports room) once. */
	async #invite(room: string, user: string, what = 'space'): Promise<boolean> {
		if (this.#state.invited[room]?.includes(user) === true) return true;
		try {
			await this.#client.invite(room, user);
		} catch (e) {
			this.#log(`network: could not invite ${user} into the ${this.#plan.network} ${what} ${room}: ${messageOf(e)} — will try again`);
			return false;
		}
		this.#save((s) => ({ ...s, invited: withListed(s.invited, room, user) }));
		return true;
	}
}
