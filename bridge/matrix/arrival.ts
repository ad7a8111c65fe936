// How one raw timeline event reached the bot, read from matrix-js-sdk for the
// trust verdict of policies/trust: the room's encryption state as the bot's
// client knows it, and, for an encrypted event, decryption, the crypto's
// shield for it and whether the sender's identity changed since the bot
// pinned it. The bot pins every identity at first sight (trust on first use)
// and never verifies anyone interactively, so "changed" is what the Rust
// crypto calls needsUserApproval; an officer or administrator of the bot's
// authority approves the new identity (bridge/commands, `!rogatory trust`),
// which the register records, and the first event read under it afterwards
// pins it in the crypto too.
import * as sdk from 'matrix-js-sdk';
import { CrossSigningKey, EventShieldReason, type CryptoApi } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { isMegolmRoom, readShield } from '../../policies/trust/index.ts';
import type { Decrypted } from './decryption-queue.ts';
import type { RawEvent } from './sync-batch.ts';

/** The bot's own reason when the client does not know the room yet (right after a restart): waited for, like a key. */
export const ROOM_NOT_KNOWN = 'ROOM_NOT_KNOWN';

/** Whether an officer or administrator approved this identity (master key) of the user (the register's identity_changes). */
export type IdentityApproved = (user: string, identity: string) => boolean;

const masterKeyOf = async (crypto: CryptoApi, user: string): Promise<string | undefined> =>
	Object.values((await crypto.getUserCrossSigningKeys(user))?.[CrossSigningKey.Master]?.keys ?? {})[0];

/** Pins the user's current identity; whether it is still `master` (it did not change again meanwhile). */
async function pin(crypto: CryptoApi, user: string, master: string): Promise<boolean> {
	await crypto.pinCurrentUserIdentity(user);
	return (await masterKeyOf(crypto, user)) === master;
}

export async function readArrival(client: sdk.MatrixClient, raw: RawEvent, approved: IdentityApproved = () => false): Promise<Decrypted> {
	const room = client.getRoom(raw.room_id);
	if (room === null) return { ok: false, reason: ROOM_NOT_KNOWN };
	const roomEncrypted = isMegolmRoom(room.currentState.getStateEvents('m.room.encryption', '')?.getContent());
	const event = new sdk.MatrixEvent(raw);
	if (!event.isEncrypted())
		return { ok: true, type: event.getType(), content: event.getContent(), arrival: { encrypted: false, roomEncrypted } };
	await client.decryptEventIfNeeded(event);
	if (event.isDecryptionFailure()) return { ok: false, reason: event.decryptionFailureReason ?? 'unknown' };
	const crypto = client.getCrypto();
	if (crypto === undefined) throw new Error('the bot client has no crypto');
	const sender = event.getSender() ?? '';
	const [info, status, master] = await Promise.all([
		crypto.getEncryptionInfoForEvent(event),
		crypto.getUserVerificationStatus(sender),
		masterKeyOf(crypto, sender),
	]);
	// Approved in the register (`!rogatory trust`): pinned here too, so the crypto agrees from now on.
	const approvedNow = status.needsUserApproval && master !== undefined && approved(sender, master) && (await pin(crypto, sender, master));
	const identityChanged = status.needsUserApproval && !approvedNow;
	// NOTE: the SDK answers null for an event it does not consider encrypted.
	const shield =
		info === null ? readShield('SENT_IN_CLEAR') : readShield(info.shieldReason === null ? null : EventShieldReason[info.shieldReason]);
	return {
		ok: true,
		type: event.getType(),
		content: event.getContent(),
		arrival: {
			encrypted: true,
			roomEncrypted,
			shield,
			identityChanged,
			senderVerified: status.isCrossSigningVerified(),
		},
		...(master === undefined ? {} : { senderIdentity: master }),
	};
}
