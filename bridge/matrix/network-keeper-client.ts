// The network keeper's requests (bridge/network/keeper.ts, KeeperClient) over matrix-js-sdk, as the
// secretariat's service account. No crypto: creating rooms, setting state and
// inviting need none (state events are never encrypted).
import * as sdk from 'matrix-js-sdk';
import type { KeeperClient } from '../network/kept-rooms.ts';

const statusOf = (e: unknown): number | undefined => (e instanceof sdk.MatrixError ? e.httpStatus : undefined);

export function sdkKeeperClient(client: sdk.MatrixClient): KeeperClient {
	return {
		resolveAlias: async (alias) => {
			try {
				return (await client.getRoomIdForAlias(alias)).room_id;
			} catch (e) {
				if (statusOf(e) === 404) return undefined;
				throw e;
			}
		},
		createRoom: async (request) => (await client.createRoom(request as unknown as sdk.ICreateRoomOpts)).room_id,
		sendState: async (room, event) => {
			await client.sendStateEvent(room, event.type as never, event.content as never, event.state_key);
		},
		join: async (room, via) => {
			await client.joinRoom(room, { viaServers: [...via] });
		},
		invite: async (room, user) => {
			try {
				await client.invite(room, user);
			} catch (e) {
				// Synapse refuses to invite someone who is in the room already: the invitation's purpose is met.
				if (statusOf(e) === 403 && e instanceof Error && /already in the room/i.test(e.message)) return;
				throw e;
			}
		},
	};
}
