// The steps every keeper of service rooms takes (keeper.ts for a network's
// rooms, joint-keeper.ts for a pair's), each idempotent and remembered in the
// keeper's state file (state-file.ts): find a room by its alias or create it,
// list a room in a space (`m.space.child`), invite a user into a space. A step
// that fails is logged in one line (what and why, never room contents) and
// answers so, for the next round to try again.
import type { RoomId } from '../../policies/cases/ids/matrix.ts';
import { spaceChildState, type NetworkRoomRequest, type SpaceChildContent } from '../../policies/network/index.ts';
import type { StateEvent } from '../../policies/rooms/case-room.ts';
import { readNetworkRoomsState, withListed, writeNetworkRoomsState, type NetworkRoomsState } from './state-file.ts';

/** What a keeper asks of the service account's homeserver (bridge/matrix/network-keeper-client.ts gives it over matrix-js-sdk). */
export interface KeeperClient {
	/** The room the alias points at; undefined when it points nowhere (404). */
	resolveAlias(alias: string): Promise<string | undefined>;
	createRoom(request: NetworkRoomRequest): Promise<string>;
	sendState(room: string, event: StateEvent): Promise<void>;
	/** Resolves when the user is invited or is in the room already. */
	invite(room: string, user: string): Promise<void>;
	/** Joins through the given servers (a restricted join); resolves when in the room already. */
	join(room: string, via: readonly string[]): Promise<void>;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class KeptRooms {
	readonly #client: KeeperClient;
	readonly #stateFile: string;
	readonly #log: (line: string) => void;
	#state: NetworkRoomsState;

	constructor(client: KeeperClient, stateFile: string, log: (line: string) => void) {
		this.#client = client;
		this.#stateFile = stateFile;
		this.#log = log;
		this.#state = readNetworkRoomsState(stateFile);
	}

	/** The room each alias is known as, so far. */
	rooms(): Readonly<Record<string, string>> {
		return this.#state.rooms;
	}

	/** The alias's room; undefined when it resolves nowhere, null when the lookup failed (logged). */
	async lookup(alias: string): Promise<string | undefined | null> {
		try {
			return await this.#client.resolveAlias(alias);
		} catch (e) {
			this.#log(`network: could not resolve ${alias}: ${messageOf(e)} — will try again`);
			return null;
		}
	}

	/** The alias's room, created from `request` when the alias resolves nowhere; undefined when neither worked (logged). */
	async roomOf(alias: string, request: () => NetworkRoomRequest): Promise<string | undefined> {
		let room = await this.lookup(alias);
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

	/** `room` listed in `space` (`what` names the space in the log). */
	async list(space: string, room: string, content: SpaceChildContent, what: string): Promise<boolean> {
		if (this.#state.listed[space]?.includes(room) === true) return true;
		try {
			await this.#client.sendState(space, spaceChildState(room as RoomId, content));
		} catch (e) {
			this.#log(`network: could not list ${room} in ${what} ${space}: ${messageOf(e)} — will try again`);
			return false;
		}
		this.#save((s) => ({ ...s, listed: withListed(s.listed, space, room) }));
		return true;
	}

	async invite(space: string, user: string, what: string): Promise<boolean> {
		if (this.#state.invited[space]?.includes(user) === true) return true;
		try {
			await this.#client.invite(space, user);
		} catch (e) {
			this.#log(`network: could not invite ${user} into ${what} ${space}: ${messageOf(e)} — will try again`);
			return false;
		}
		this.#save((s) => ({ ...s, invited: withListed(s.invited, space, user) }));
		return true;
	}

	/** The service account in `room` (remembered as invited-and-joined under the room itself). */
	async join(room: string, self: string, via: readonly string[], what: string): Promise<boolean> {
		if (this.#state.invited[room]?.includes(self) === true) return true;
		try {
			await this.#client.join(room, via);
		} catch (e) {
			this.#log(`network: could not join ${what} ${room}: ${messageOf(e)} — will try again`);
			return false;
		}
		this.#save((s) => ({ ...s, invited: withListed(s.invited, room, self) }));
		return true;
	}

	#save(change: (state: NetworkRoomsState) => NetworkRoomsState): void {
		this.#state = change(this.#state);
		writeNetworkRoomsState(this.#stateFile, this.#state);
	}
}
