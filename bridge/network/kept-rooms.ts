// The steps every keeper of service rooms takes (keeper.ts for a network's
// rooms, joint-keeper.ts for a pair's), each idempotent and remembered in the
// keeper's state file (state-file.ts): find a room by its alias or create it,
// list a room in a space (`m.space.child`), invite a user into a space, keep a
// room's parties to its plan's (the ACL, and who is in it). A step
// that fails is logged in one line (what and why, never room contents) and
// answers so, for the next round to try again.
import type { RoomId } from '../../policies/cases/ids/matrix.ts';
import { spaceChildState, type NetworkRoomRequest, type SpaceChildContent } from '../../policies/network/index.ts';
import type { StateEvent } from '../../policies/rooms/case-room.ts';
import { aclAllows, nextAcl, readAcl, sameParties, type ServerAclContent } from '../../policies/rooms/server-acl.ts';
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
	/** A state event's content; undefined when the room has none. */
	stateOf(room: string, type: string, key: string): Promise<unknown>;
	/** The user IDs joined to the room. */
	joinedMembers(room: string): Promise<readonly string[]>;
	kick(room: string, user: string, reason: string): Promise<void>;
}

/** What `listed` holds for a room whose ACL was re-issued (never a room ID: those start with "!"). */
const ACL_REISSUED = 'acl-reissued';

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

	/**
	 * The room admits exactly `acl`'s servers: its ACL is re-issued when the
	 * parties changed (a roster version added or removed an authority), and
	 * anyone joined from a server the ACL no longer admits is taken out — a
	 * server ACL stops a server's events, not its users' membership, and a
	 * `restricted` room removes no one by itself. False (the next round ends
	 * it) after taking people out, and when a step failed.
	 */
	async keepParties(room: string, acl: ServerAclContent, what: string): Promise<boolean> {
		try {
			// NOTE: out first, and the ACL only in a later round: once its server is out of the ACL, it can no longer
			// fetch what the kick builds on (get_missing_events is refused), so it would never apply the kick and would
			// go on showing its people in the room, and answering their joins and knocks itself.
			let tookOut = false;
			for (const user of await this.#client.joinedMembers(room)) {
				if (aclAllows(acl, user.slice(user.indexOf(':') + 1))) continue;
				await this.#client.kick(room, user, 'its authority is no longer in this network');
				this.#log(`network: ${user} taken out of ${what} ${room}: its server is no longer a party`);
				tookOut = true;
			}
			if (tookOut) return false;
			const current = readAcl(await this.#client.stateOf(room, 'm.room.server_acl', ''));
			if (current === undefined || !sameParties(current, acl)) {
				await this.#client.sendState(room, { type: 'm.room.server_acl', state_key: '', content: { ...nextAcl(current, acl) } });
				this.#log(`network: the ACL of ${what} ${room} re-issued for its parties now (${acl.allow.join(', ')})`);
			}
			return true;
		} catch (e) {
			this.#log(`network: could not keep the parties of ${what} ${room}: ${messageOf(e)} — will try again`);
			return false;
		}
	}

	/**
	 * The room's ACL sent again with its revision raised, once (remembered as
	 * `acl-reissued` listed under the room). Synapse 1.163 caches each room's
	 * ACL evaluator and may hold "no ACL" for a room it just created or joined
	 * (policies/rooms/server-acl.ts, ACL_REVISION); a new ACL event clears
	 * that cache on every server in the room, the sender's included.
	 */
	async reissueAcl(room: string, what: string): Promise<boolean> {
		if (this.#state.listed[room]?.includes(ACL_REISSUED) === true) return true;
		try {
			const current = readAcl(await this.#client.stateOf(room, 'm.room.server_acl', ''));
			if (current === undefined) throw new Error('the room has no ACL to re-issue');
			await this.#client.sendState(room, { type: 'm.room.server_acl', state_key: '', content: { ...nextAcl(current, current) } });
		} catch (e) {
			this.#log(`network: could not re-issue the ACL of ${what} ${room}: ${messageOf(e)} — will try again`);
			return false;
		}
		this.#save((s) => ({ ...s, listed: withListed(s.listed, room, ACL_REISSUED) }));
		return true;
	}

	#save(change: (state: NetworkRoomsState) => NetworkRoomsState): void {
		this.#state = change(this.#state);
		writeNetworkRoomsState(this.#stateFile, this.#state);
	}
}
