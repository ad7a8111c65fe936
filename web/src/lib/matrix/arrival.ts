// How an event of a case room reached this browser, read from matrix-js-sdk
// for the trust rule of policies/trust — the rule the bridges apply too
// (bridge/matrix/arrival.ts): the room's encryption state, whether the event
// came encrypted, the crypto's shield for it, and whether its sender's
// identity changed since this browser pinned it without being verified again.
import { readShield, type Arrival } from '../../../../policies/trust/index.ts';
import { EventShieldReason, type MatrixClient, type MatrixEvent } from './sdk.ts';

export async function readArrival(client: MatrixClient, event: MatrixEvent): Promise<Arrival> {
	const roomEncrypted = client.getRoom(event.getRoomId() ?? '')?.hasEncryptionStateEvent() === true;
	if (!event.isEncrypted()) return { encrypted: false, roomEncrypted };
	const crypto = client.getCrypto();
	if (crypto === undefined) return { encrypted: true, roomEncrypted, shield: 'unknown', identityChanged: false };
	const [info, status] = await Promise.all([
		crypto.getEncryptionInfoForEvent(event),
		crypto.getUserVerificationStatus(event.getSender() ?? ''),
	]);
	// NOTE: the SDK answers null for an event it does not consider encrypted.
	const shield =
		info === null ? readShield('SENT_IN_CLEAR') : readShield(info.shieldReason === null ? null : EventShieldReason[info.shieldReason]);
	return { encrypted: true, roomEncrypted, shield, identityChanged: status.needsUserApproval };
}
