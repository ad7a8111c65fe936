// A member bridge's requests in its networks' rooms (bridge/network/member.ts,
// MemberClient) over matrix-js-sdk, as the bridge's own account.
import * as sdk from 'matrix-js-sdk';
import type { CreateEvent } from '../../policies/network/index.ts';
import type { MemberClient } from '../network/member.ts';
import { sdkKeeperClient } from './network-keeper-client.ts';

export function sdkMemberClient(client: sdk.MatrixClient): MemberClient {
	const keeper = sdkKeeperClient(client);
	return {
		resolveAlias: (alias) => keeper.resolveAlias(alias),
		invite: (room, user) => keeper.invite(room, user),
		membership: (room, user) => client.getRoom(room)?.getMember(user)?.membership,
		join: (room, via) => keeper.join(room, via),
		leave: async (room) => {
			await client.leave(room);
		},
		createEvent: async (room): Promise<CreateEvent | undefined> => {
			const event = client.getRoom(room)?.currentState.getStateEvents(sdk.EventType.RoomCreate, '');
			if (event !== null && event !== undefined) return { sender: event.getSender() ?? '', content: event.getContent() };
			// NOTE: right after the join, the sync may not have brought the room's state yet: ask the server.
			const events = (await client.roomState(room)) as unknown as readonly { type?: unknown; sender?: unknown; content?: unknown }[];
			const found = events.find((e) => e.type === sdk.EventType.RoomCreate);
			return typeof found?.sender === 'string' ? { sender: found.sender, content: found.content } : undefined;
		},
	};
}
