// The bridge in its networks' rooms, beside its case rooms: one member
// (bridge/network/member.ts) per network of its authority whose secretariat is
// on Rogatory, each run in rounds until nothing is left to do (loop.ts).
// `owns()` tells the sync which rooms are network rooms, whose events never
// reach the register (bridge-sync.ts, skipRoom).
import type * as sdk from 'matrix-js-sdk';
import { join } from 'node:path';
import type { NetworkRoomsPlan } from '../../policies/network/index.ts';
import { NetworkRoomsLoop } from '../network/loop.ts';
import { NetworkMember } from '../network/member.ts';
import { sdkMemberClient } from './network-member-client.ts';

export interface NetworkPresenceOptions {
	/** The plans of its authority's networks (their secretariats' rooms). */
	readonly plans: readonly NetworkRoomsPlan[];
	/** The user IDs of its authority's people, invited into each space. */
	readonly people: readonly string[];
	/** The bridge's secrets folder: one state file per network. */
	readonly stateDir: string;
	readonly retryMs: number;
}

export class NetworkPresence {
	readonly #members: readonly NetworkMember[];
	readonly #loops: readonly NetworkRoomsLoop[];

	constructor(client: sdk.MatrixClient, options: NetworkPresenceOptions, self: string, log: (line: string) => void) {
		this.#members = options.plans.map(
			(plan) =>
				new NetworkMember(sdkMemberClient(client), {
					plan,
					self,
					people: options.people,
					stateFile: join(options.stateDir, `network-member-${plan.network.toLowerCase()}.json`),
					log,
				}),
		);
		this.#loops = this.#members.map((member) => new NetworkRoomsLoop(member, options.retryMs, log));
	}

	start(): void {
		for (const loop of this.#loops) loop.start();
	}

	stop(): void {
		for (const loop of this.#loops) loop.stop();
	}

	owns(room: string): boolean {
		return this.#members.some((member) => member.owns(room));
	}
}
