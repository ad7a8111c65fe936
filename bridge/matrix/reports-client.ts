// The reporter's requests (bridge/reports/reporter.ts, ReportsClient) over the
// bridge's matrix-js-sdk client. A report is sent only into a room the client
// knows as encrypted: the SDK sends in the clear into a room whose encryption
// state it has not seen yet (right after a restart), so the report waits for
// a later tick instead. The client's isolation mode (trust.ts) encrypts only
// to cross-signed devices. Nothing goes before a reader (the staff) joined.
import * as sdk from 'matrix-js-sdk';
import type { RoomMessageEventContent } from 'matrix-js-sdk/lib/@types/events.js';
import { err, ok } from '../../policies/result.ts';
import type { CreateEvent } from '../../policies/network/index.ts';
import type { KnownRoom, ReportsClient } from '../reports/reporter.ts';

const createOf = (room: sdk.Room | null): CreateEvent | undefined => {
	const create = room?.currentState.getStateEvents(sdk.EventType.RoomCreate, '');
	const sender = create?.getSender();
	return create === null || create === undefined || sender === undefined ? undefined : { sender, content: create.getContent() };
};

export function sdkReportsClient(client: sdk.MatrixClient): ReportsClient {
	return {
		createOf: (room) => createOf(client.getRoom(room)),
		rooms: () =>
			client.getRooms().flatMap((room): KnownRoom[] => {
				const membership: string = room.getMyMembership();
				if (membership !== 'invite' && membership !== 'join') return [];
				return [{ room: room.roomId, membership, create: createOf(room) }];
			}),
		join: async (room) => {
			await client.http.authedRequest(sdk.Method.Post, `/join/${encodeURIComponent(room)}`, undefined, {});
		},
		readers: (room) => {
			// NOTE: the count from the sync's room summary, which holds even when members are lazy-loaded: less this
			// bridge and the creator (the service account), unless the creator is known to have left.
			const known = client.getRoom(room);
			if (known === null) return 0;
			const creator = known.currentState.getStateEvents(sdk.EventType.RoomCreate, '')?.getSender();
			const creatorMembership = creator === undefined ? undefined : known.getMember(creator)?.membership;
			const creatorIn = creatorMembership === undefined || creatorMembership === 'join' ? 1 : 0;
			return Math.max(0, known.getJoinedMemberCount() - 1 - creatorIn);
		},
		send: async (room, content, txnId) => {
			// NOTE: both the room's state and the crypto must know the room as encrypted (the crypto learns it a moment later).
			const known =
				client.getRoom(room)?.hasEncryptionStateEvent() === true && (await client.getCrypto()?.isEncryptionEnabledInRoom(room)) === true;
			if (!known) return err(`${room} is not known yet as an encrypted room; not sent`);
			try {
				const sent = await client.sendEvent(room, sdk.EventType.RoomMessage, content as unknown as RoomMessageEventContent, txnId);
				return ok(sent.event_id);
			} catch (e) {
				return err(e instanceof Error ? e.message : String(e));
			}
		},
	};
}
