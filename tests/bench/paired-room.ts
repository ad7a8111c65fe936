// Two clients of the production benches in an encrypted room of their own,
// each having decrypted one message from the other: key sharing and
// device-list queries happen here, before anything is timed.
import type { MatrixClient } from 'matrix-js-sdk';
import { createEncryptedRoom, decryptedMessage, invitedTo } from '../support/matrix-node-client.ts';

export async function pairedRoom(a: MatrixClient, b: MatrixClient): Promise<string> {
	const roomId = await createEncryptedRoom(a, [b.getUserId()!]);
	await invitedTo(b, roomId);
	await b.joinRoom(roomId);
	for (const [from, to] of [
		[a, b],
		[b, a],
	] as const) {
		const warm = decryptedMessage(to, roomId, (body) => body === `warm-up from ${from.getUserId()}`);
		await from.sendTextMessage(roomId, `warm-up from ${from.getUserId()}`);
		await warm;
	}
	return roomId;
}
