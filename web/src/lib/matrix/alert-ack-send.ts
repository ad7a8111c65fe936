// Sends a person's "I have it" for an alert of their own bridge into the case
// room (policies/alerts/alert-ack.ts): an end-to-end encrypted m.room.message,
// never in the clear — the bridge would not take it, and the homeserver would
// read which alert. Whether the homeserver took it; the page says so either
// way, and tries again the next time the case is opened.
import { buildAlertAckContent } from '#policies/alerts/index.ts';
import type { MatrixClient } from './sdk.ts';

export async function sendAlertAck(client: MatrixClient, roomId: string, alertId: string): Promise<boolean> {
	if (client.getRoom(roomId)?.hasEncryptionStateEvent() !== true) return false;
	try {
		await client.sendMessage(roomId, buildAlertAckContent(alertId) as never);
		return true;
	} catch {
		return false;
	}
}
