// How an event of a case room reached this browser, read from matrix-js-sdk
// for the trust rule of policies/trust — the rule the bridges apply too
// (bridge/matrix/arrival.ts): the room's encryption state, whether the event
// came encrypted, the crypto's shield for it, and whether its sender's
// identity changed since this browser pinned it without being verified again;
// and the person's approval of such a change, once confirmed with the sender.
import { err, ok, type Result } from '#policies/result.ts';
import { isMegolmRoom, readShield, type Arrival } from '#policies/trust/index.ts';
import { EventShieldReason, type MatrixClient, type MatrixEvent } from './sdk.ts';

export async function readArrival(client: MatrixClient, event: MatrixEvent): Promise<Arrival> {
	const encryption = client.getRoom(event.getRoomId() ?? '')?.currentState.getStateEvents('m.room.encryption', '');
	const roomEncrypted = isMegolmRoom(encryption?.getContent());
	if (!event.isEncrypted()) return { encrypted: false, roomEncrypted };
	const crypto = client.getCrypto();
	if (crypto === undefined) return { encrypted: true, roomEncrypted, shield: 'unknown', identityChanged: false, senderVerified: false };
	const [info, status] = await Promise.all([
		crypto.getEncryptionInfoForEvent(event),
		crypto.getUserVerificationStatus(event.getSender() ?? ''),
	]);
	// NOTE: the SDK answers null for an event it does not consider encrypted.
	const shield =
		info === null ? readShield('SENT_IN_CLEAR') : readShield(info.shieldReason === null ? null : EventShieldReason[info.shieldReason]);
	return {
		encrypted: true,
		roomEncrypted,
		shield,
		identityChanged: status.needsUserApproval,
		senderVerified: status.isCrossSigningVerified(),
	};
}

/**
 * Accepts a sender's new identity after the person confirmed it with them:
 * withdraws the verification requirement of one this browser had verified,
 * pins the new identity of one it trusted on first use. Resolves with whether
 * anything needed approval; a crypto failure is an error value.
 */
export async function approveIdentity(client: MatrixClient, userId: string): Promise<Result<boolean, string>> {
	const crypto = client.getCrypto();
	if (crypto === undefined) return err('no crypto');
	try {
		const status = await crypto.getUserVerificationStatus(userId);
		if (status.wasCrossSigningVerified() && !status.isCrossSigningVerified()) {
			await crypto.withdrawVerificationRequirement(userId);
			return ok(true);
		}
		if (status.needsUserApproval) {
			await crypto.pinCurrentUserIdentity(userId);
			return ok(true);
		}
		return ok(false);
	} catch (error) {
		return err(error instanceof Error ? error.message : String(error));
	}
}
