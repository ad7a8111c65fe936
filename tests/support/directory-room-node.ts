// A network's directory room seen from a Node matrix-js-sdk client, for the
// tests: join it by its alias and send a directory event built by
// policies/directory, Megolm-encrypted — what any member of the network's
// authorities can do, whether or not the readers' fold will count it
// (docs/directory.md, "Who may write about an authority").
import * as sdk from 'matrix-js-sdk';
import { buildDirectoryContent, type DirectoryPayload } from '../../policies/directory/index.ts';

/**
 * Joins the room `alias` names and resolves with its ID once the client's
 * sync holds it as an encrypted room, so that what it sends next is never in
 * the clear. `withinMs` is a guard against hanging, not a measured timing.
 */
export async function joinDirectoryRoom(client: sdk.MatrixClient, alias: string, withinMs = 60_000): Promise<string> {
	const { roomId } = await client.joinRoom(alias);
	const deadline = Date.now() + withinMs;
	while (client.getRoom(roomId)?.hasEncryptionStateEvent() !== true) {
		if (Date.now() > deadline) throw new Error(`${client.getUserId()} joined ${alias} but its sync never showed it encrypted`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return roomId;
}

/** Sends one directory event as an encrypted m.room.message; resolves with its event ID. */
export async function sendDirectoryEvent(client: sdk.MatrixClient, roomId: string, payload: DirectoryPayload): Promise<string> {
	if (client.getRoom(roomId)?.hasEncryptionStateEvent() !== true) throw new Error(`${roomId} is not known as encrypted: not sent`);
	const { event_id } = await client.sendMessage(roomId, buildDirectoryContent(payload) as never);
	return event_id;
}
