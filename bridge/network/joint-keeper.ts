// Carries out the joint rooms of a pair of networks the roster links
// (policies/network/joint.ts, docs/network-rooms.md "Pairs of networks") as
// one of the two secretariats' service accounts, once both networks' spaces
// exist. The first network's (roster order) creates the joint space —
// restricted to the members of either network's space, the second's service
// account a permanent co-creator, invited — and the joint channel in it, lists
// the channel in the joint space and the joint space in its own network's
// space. The second's joins the joint space and lists it in its own network's
// space; from then on its server, in both spaces, vouches for its members'
// restricted joins. Idempotent by alias and remembered in its own
// state file, like keeper.ts; run in rounds (loop.ts) until nothing is left.
import type { RoomId } from '../../policies/cases/ids/matrix.ts';
import { jointChannelRequest, jointSpaceRequest, type JointRoomsPlan, type NetworkRoomsPlan } from '../../policies/network/index.ts';
import type { RoundOutcome } from './keeper.ts';
import { KeptRooms, type KeeperClient } from './kept-rooms.ts';

export interface JointKeeperOptions {
	readonly joint: JointRoomsPlan;
	/** This service account's own network's plan (which of the two it is). */
	readonly own: NetworkRoomsPlan;
	/** The other network's space alias, on its secretariat's server. */
	readonly otherSpaceAlias: string;
	readonly stateFile: string;
	readonly log: (line: string) => void;
}

export class JointRoomsKeeper {
	readonly #rooms: KeptRooms;
	readonly #options: JointKeeperOptions;

	constructor(client: KeeperClient, options: JointKeeperOptions) {
		this.#rooms = new KeptRooms(client, options.stateFile, options.log);
		this.#options = options;
	}

	rooms(): Readonly<Record<string, string>> {
		return this.#rooms.rooms();
	}

	async round(): Promise<RoundOutcome> {
		const { joint, own, otherSpaceAlias, log } = this.#options;
		const pairName = `the ${joint.networks.join('–')} joint space`;
		const ownSpace = await this.#rooms.lookup(own.space.alias);
		const otherSpace = await this.#rooms.lookup(otherSpaceAlias);
		if (ownSpace === undefined || otherSpace === undefined) {
			log(
				`network: ${ownSpace === undefined ? own.space.alias : otherSpaceAlias} does not exist yet, so ${pairName} waits — will look again`,
			);
			return { done: false };
		}
		if (ownSpace === null || otherSpace === null) return { done: false };
		const creator = own.network === joint.networks[0];
		const spaces = (creator ? [ownSpace, otherSpace] : [otherSpace, ownSpace]) as [RoomId, RoomId];
		const space = creator
			? await this.#rooms.roomOf(joint.space.alias, () => jointSpaceRequest(joint, spaces))
			: await this.#rooms.lookup(joint.space.alias);
		if (space === undefined || space === null) {
			if (space === undefined)
				log(`network: ${joint.space.alias} does not exist yet (the ${joint.networks[0]} secretariat creates it) — will look again`);
			return { done: false };
		}
		let done = true;
		if (creator) {
			// NOTE: invited, not only let in by the join rule: a restricted join is vouched for by a server in the
			// joint space that is also in the joiner's network space, and at first no server is in both.
			if (!(await this.#rooms.invite(space, joint.additionalCreator, pairName))) done = false;
			const channel = await this.#rooms.roomOf(joint.channel.alias, () => jointChannelRequest(joint, space as RoomId));
			if (channel === undefined || !(await this.#rooms.list(space, channel, joint.channel.spaceChild, pairName))) done = false;
			// NOTE: the ACLs once more, so the creating server's cached ACL is this one (kept-rooms.ts, reissueAcl).
			for (const room of [space, channel]) if (room !== undefined && !(await this.#rooms.reissueAcl(room, pairName))) done = false;
		} else if (!(await this.#rooms.join(space, own.serviceAccount, joint.secretariatServers, pairName))) done = false;
		// NOTE: and once more after the second secretariat's server joined, which holds "no ACL" until a new one arrives.
		else if (!(await this.#rooms.reissueAcl(space, pairName))) done = false;
		if (!(await this.#rooms.list(ownSpace, space, joint.space.inNetworkSpaces, `the ${own.network} space`))) done = false;
		return { done, space };
	}
}
