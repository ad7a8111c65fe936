// The homeserver's own account of a room's messages, for the catch-up check
// (catch-up.ts): /messages walked back from a sync position to the room's
// creation, with no lower bound — which also makes the homeserver backfill a
// gap federation left (docs/matrix-notes.md). Only the IDs are kept: nothing
// is decrypted or added to the room.
import { Direction, type MatrixClient } from './sdk.ts';

const PAGE = 100;
const MAX_PAGES = 100;

/** What the walk found; `complete` when it reached the room's creation within its bound. */
export interface ServerHistory {
	readonly messages: readonly string[];
	readonly complete: boolean;
}

/** The IDs of the room's messages (encrypted or not) the homeserver gives back from `from`, newest first. */
export async function serverMessages(client: MatrixClient, roomId: string, from: string): Promise<ServerHistory> {
	const messages: string[] = [];
	let token: string | undefined = from;
	for (let page = 0; page < MAX_PAGES; page++) {
		const answer = await client.createMessagesRequest(roomId, token, PAGE, Direction.Backward);
		for (const event of answer.chunk) {
			if (event.type === 'm.room.encrypted' || event.type === 'm.room.message') messages.push(event.event_id);
		}
		token = answer.end;
		if (token === undefined || answer.chunk.length === 0) return { messages, complete: true };
	}
	return { messages, complete: false };
}
