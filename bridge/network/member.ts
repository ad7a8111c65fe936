// A member authority's bridge in its networks' rooms (docs/network-rooms.md,
// "Members"): for each network of its authority that has a secretariat on
// Rogatory, once the secretariat's keeper has invited it into the space, the
// bridge joins the space, then each room of the plan by restricted join (its
// server vouches for later joins when the secretariat's is down), and invites
// its own authority's people into the space, so that each person joins the
// network's rooms from the web app. Rooms are found by their aliases on the
// secretariat's server, and a room counts only when its create event carries
// the marker of its kind from the network's service account (marker.ts): a
// room an alias points at that someone else created is left, and logged.
// Their events are not case events: `owns()` keeps them out of the register.
// Idempotent like the keeper (state-file.ts, its own file): a round that
// fails part-way is taken up by the next (loop.ts) until one has nothing
// left to do. One line per failed step, never room contents.
import { roomMarkerOf, type CreateEvent, type NetworkRoomKind, type NetworkRoomsPlan } from '../../policies/network/index.ts';
import type { RoundOutcome } from './keeper.ts';
import { readNetworkRoomsState, withListed, writeNetworkRoomsState, type NetworkRoomsState } from './state-file.ts';

/** What a member bridge asks of its homeserver (bridge/matrix/network-member-client.ts gives it over matrix-js-sdk). */
export interface MemberClient {
	/** The room the alias points at; undefined when it points nowhere (404). */
	resolveAlias(alias: string): Promise<string | undefined>;
	/** The bridge's membership of the room, as its client knows it. */
	membership(room: string, user: string): string | undefined;
	/** Joins through the given servers; throws when refused (not invited yet, not in the space yet). */
	join(room: string, via: readonly string[]): Promise<void>;
	leave(room: string): Promise<void>;
	/** The room's create event, once the bridge is in the room (or invited). */
	createEvent(room: string): Promise<CreateEvent | undefined>;
	/** Resolves when the user is invited or is in the room already. */
	invite(room: string, user: string): Promise<void>;
}

export interface NetworkMemberOptions {
	readonly plan: NetworkRoomsPlan;
	/** The bridge's own user ID. */
	readonly self: string;
	/** The user IDs of its authority's people (its people file), invited into the space. */
	readonly people: readonly string[];
	readonly stateFile: string;
	readonly log: (line: string) => void;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class NetworkMember {
	readonly #client: MemberClient;
	readonly #options: NetworkMemberOptions;
	#state: NetworkRoomsState;
	/** What was logged once already (waiting for an invitation, a room not created yet). */
	readonly #said = new Set<string>();
	/** Rooms being joined and checked: their first events may come before the check ends. */
	readonly #pending = new Set<string>();

	constructor(client: MemberClient, options: NetworkMemberOptions) {
		this.#client = client;
		this.#options = options;
		this.#state = readNetworkRoomsState(options.stateFile);
	}

	/** The network rooms this bridge joined (their events are not case events). */
	owns(room: string): boolean {
		return this.#pending.has(room) || Object.values(this.#state.rooms).includes(room);
	}

	async round(): Promise<RoundOutcome> {
		const plan = this.#options.plan;
		const space = await this.#joined(plan.space.alias, 'space');
		if (space === undefined) return { done: false };
		let done = true;
		for (const child of plan.children) if ((await this.#joined(child.alias, child.kind)) === undefined) done = false;
		for (const user of this.#options.people) if (!(await this.#invite(space, user))) done = false;
		return { done, space };
	}

	/** The room behind the alias, joined and checked; undefined when it cannot be yet. */
	async #joined(alias: string, kind: NetworkRoomKind): Promise<string | undefined> {
		const { plan, self } = this.#options;
		const known = this.#state.rooms[alias];
		if (known !== undefined && this.#client.membership(known, self) === 'join') return known;
		let room: string | undefined;
		try {
			room = await this.#client.resolveAlias(alias);
		} catch (e) {
			this.#say(`resolve ${alias}`, `network: could not look up ${alias}: ${messageOf(e)} — will try again`);
			return undefined;
		}
		if (room === undefined) {
			this.#say(`missing ${alias}`, `network: ${alias} does not exist yet (the ${plan.network} secretariat creates it) — will look again`);
			return undefined;
		}
		this.#pending.add(room);
		try {
			return await this.#joinChecked(alias, kind, room);
		} finally {
			this.#pending.delete(room);
		}
	}

	async #joinChecked(alias: string, kind: NetworkRoomKind, room: string): Promise<string | undefined> {
		const { plan } = this.#options;
		try {
			await this.#client.join(room, [plan.secretariatServer]);
		} catch (e) {
			this.#say(`join ${room}`, `network: cannot join ${alias} yet (${messageOf(e)}) — will try again`);
			return undefined;
		}
		const create = await this.#client.createEvent(room);
		const marker = create === undefined ? undefined : roomMarkerOf(create, [plan.serviceAccount]);
		if (marker === undefined || !marker.ok || marker.value.kind !== kind || !marker.value.networks.includes(plan.network)) {
			const why =
				marker === undefined
					? 'no create event'
					: marker.ok
						? `a ${marker.value.kind} of ${marker.value.networks.join(', ')}`
						: marker.error;
			this.#options.log(`network: ${alias} points at ${room}, which is not the ${plan.network} ${kind} (${why}): left`);
			await this.#client.leave(room).catch(() => {});
			return undefined;
		}
		this.#save((s) => ({ ...s, rooms: { ...s.rooms, [alias]: room } }));
		this.#options.log(`network: in the ${plan.network} ${kind} ${room}`);
		return room;
	}

	async #invite(space: string, user: string): Promise<boolean> {
		if (this.#state.invited[space]?.includes(user) === true) return true;
		try {
			await this.#client.invite(space, user);
		} catch (e) {
			this.#say(
				`invite ${space} ${user}`,
				`network: could not invite ${user} into the ${this.#options.plan.network} space: ${messageOf(e)} — will try again`,
			);
			return false;
		}
		this.#save((s) => ({ ...s, invited: withListed(s.invited, space, user) }));
		return true;
	}

	#say(key: string, line: string): void {
		if (this.#said.has(key)) return;
		this.#said.add(key);
		this.#options.log(line);
	}

	#save(change: (state: NetworkRoomsState) => NetworkRoomsState): void {
		this.#state = change(this.#state);
		writeNetworkRoomsState(this.#options.stateFile, this.#state);
	}
}
