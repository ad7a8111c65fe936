// Carries out a network's rooms plan (policies/network/plan.ts,
// docs/network-rooms.md "Carrying out a plan") as the network's secretariat
// service account: each round resolves every alias of the plan and creates
// what is missing — the space first, then each child with
// `childRoomRequest(plan, child, spaceId)` — then lists each child (and each
// linked room, e.g. the directory room, once its keeper created it) in the
// space with `m.space.child`, and invites into the space the users the plan
// gives power to (the network's bridges and the secretariat's staff). It is
// idempotent by alias: a room whose alias resolves is never created again,
// and what was sent or invited is remembered in the state file
// (state-file.ts). A step that fails is logged in one line (what and why,
// never room contents) and the round goes on with the rest; the caller runs
// another round later (loop.ts) until one finishes with nothing left.
// NOTE: working groups are created like any child when the plan names them;
// the joint rooms of pairs of networks are joint-keeper.ts's.
import { childRoomRequest, type NetworkRoomsPlan, type SpaceChildContent } from '../../policies/network/index.ts';
import type { RoomId } from '../../policies/cases/ids/matrix.ts';
import { KeptRooms, type KeeperClient } from './kept-rooms.ts';

export type { KeeperClient } from './kept-rooms.ts';

export interface RoundOutcome {
	/** Every room exists, is listed, and everyone is invited. */
	readonly done: boolean;
	readonly space?: string;
}

export class NetworkRoomsKeeper {
	readonly #rooms: KeptRooms;
	readonly #plan: NetworkRoomsPlan;
	readonly #log: (line: string) => void;

	constructor(client: KeeperClient, plan: NetworkRoomsPlan, stateFile: string, log: (line: string) => void) {
		this.#rooms = new KeptRooms(client, stateFile, log);
		this.#plan = plan;
		this.#log = log;
	}

	/** The room each alias of the plan is known as, so far. */
	rooms(): Readonly<Record<string, string>> {
		return this.#rooms.rooms();
	}

	/** One pass over the plan; the failures are logged and left for the next round. */
	async round(): Promise<RoundOutcome> {
		const network = this.#plan.network;
		const space = await this.#rooms.roomOf(this.#plan.space.alias, () => this.#plan.space.request);
		if (space === undefined) return { done: false };
		let done = true;
		const listed: { readonly room: string; readonly child: SpaceChildContent }[] = [];
		for (const child of this.#plan.children) {
			const room = await this.#rooms.roomOf(child.alias, () => childRoomRequest(this.#plan, child, space as RoomId));
			if (room === undefined) done = false;
			else listed.push({ room, child: child.spaceChild });
		}
		for (const linked of this.#plan.linked) {
			const room = await this.#rooms.lookup(linked.alias);
			if (room === null) done = false;
			else if (room === undefined) {
				this.#log(`network: ${linked.alias} (the ${network} ${linked.kind} room) does not exist yet — will look again`);
				done = false;
			} else listed.push({ room, child: linked.spaceChild });
		}
		const what = `the ${network} space`;
		for (const { room, child } of listed) if (!(await this.#rooms.list(space, room, child, what))) done = false;
		for (const user of Object.keys(this.#plan.users)) if (!(await this.#rooms.invite(space, user, what))) done = false;
		return { done, space };
	}
}
