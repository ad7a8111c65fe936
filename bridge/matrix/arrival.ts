// How one raw timeline event reached the bot, read from matrix-js-sdk for the
// trust verdict of policies/trust: the room's encryption state as the bot's
// client knows it, and, for an encrypted event, decryption, the crypto's
// shield for it and whether the sender's identity changed since the bot
// pinned it. The bot pins every identity at first sight (trust on first use)
// and never verifies anyone interactively, so "changed" is what the Rust
// crypto calls needsUserApproval; an authority administrator re-approves it
// (bridge/commands, `!rogatory trust`).
import * as sdk from 'matrix-js-sdk';
import { CrossSigningKey, EventShieldReason } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { readShield } from '../../policies/trust/index.ts';
import type { Decrypted } from './decryption-queue.ts';
import type { RawEvent } from './sync-batch.ts';

/** The bot's own reason when the client does not know the room yet (right after a restart): waited for, like a key. */
export const ROOM_NOT_KNOWN = 'ROOM_NOT_KNOWN';

export async function readArrival(client: sdk.MatrixClient, raw: RawEvent): Promise<Decrypted> {
	const room = client.getRoom(raw.room_id);
	if (room === null) return { ok: false, reason: ROOM_NOT_KNOWN };
	const roomEncrypted = room.hasEncryptionStateEvent();
	const event = new sdk.MatrixEvent(raw);
	if (!event.isEncrypted())
		return { ok: true, type: event.getType(), content: event.getContent(), arrival: { encrypted: false, roomEncrypted } };
	await client.decryptEventIfNeeded(event);
	if (event.isDecryptionFailure()) return { ok: false, reason: event.decryptionFailureReason ?? 'unknown' };
	const crypto = client.getCrypto();
	if (crypto === undefined) throw new Error('the bot client has no crypto');
	const sender = event.getSender() ?? '';
	const [info, status, keys] = await Promise.all([
		crypto.getEncryptionInfoForEvent(event),
		crypto.getUserVerificationStatus(sender),
		crypto.getUserCrossSigningKeys(sender),
	]);
	// NOTE: the SDK answers null for an event it does not consider encrypted.
	const shield =
		info === null ? readShield('SENT_IN_CLEAR') : readShield(info.shieldReason === null ? null : EventShieldReason[info.shieldReason]);
	const master = Object.values(keys?.[CrossSigningKey.Master]?.keys ?? {})[0];
	return {
		ok: true,
		type: event.getType(),
		content: event.getContent(),
		arrival: { encrypted: true, roomEncrypted, shield, identityChanged: status.needsUserApproval },
		...(master === undefined ? {} : { senderIdentity: master }),
	};
}
