// How one event reached a reader, as plain facts: whether its room is an
// encrypted room, whether the event itself came Megolm-encrypted, what the
// crypto layer says of its sender's device and of the authenticity of its room
// key (the "shield"), and whether the sender's identity changed since this
// reader first saw it without being verified again. Each reader (the browser,
// the bridge) reads these facts from its own matrix-js-sdk client
// (web/src/lib/matrix/arrival.ts, bridge/matrix/arrival.ts); the verdict on
// them is one pure function (verdict.ts), the same for every reader
// (ARCHITECTURE.md, decision 11).

/**
 * The crypto's shield for a decrypted event, named after matrix-js-sdk's
 * EventShieldReason ('none' when it shows no shield at all).
 */
export type Shield =
	/**
	 * Nothing to warn of: the device is cross-signed by its owner. NOTE: with the
	 * signed-devices-only mode (MSC4153) the Rust crypto shows no shield for a
	 * sender merely trusted on first use either; whether the identity was verified
	 * is a fact of its own (Arrival.senderVerified).
	 */
	| 'none'
	/** Cross-signed by its owner, whose identity this reader has not verified (trusted on first use). */
	| 'unverified-identity'
	/** A device its owner never cross-signed. */
	| 'unsigned-device'
	/** A device this reader does not know (unknown or deleted). */
	| 'unknown-device'
	/** The room key did not come straight from the sender (key backup, forwarded, imported): anyone holding the backup's public key could have made it. */
	| 'not-guaranteed'
	/** The room key's sender key is not the device's. */
	| 'mismatched-sender-key'
	/** The crypto says the event was not encrypted. */
	| 'sent-in-clear'
	/** The sender's identity was verified by this reader and has changed since. */
	| 'verification-violation'
	/** The event's sender is not the owner of the device that encrypted it. */
	| 'mismatched-sender'
	/** A shield this code does not know (a newer SDK): never trusted. */
	| 'unknown';

export const SHIELDS: readonly Shield[] = [
	'none',
	'unverified-identity',
	'unsigned-device',
	'unknown-device',
	'not-guaranteed',
	'mismatched-sender-key',
	'sent-in-clear',
	'verification-violation',
	'mismatched-sender',
	'unknown',
];

export type Arrival =
	/** Came in the clear: an m.room.message on the wire, whatever the room. */
	| { readonly encrypted: false; readonly roomEncrypted: boolean }
	| {
			readonly encrypted: true;
			readonly roomEncrypted: boolean;
			readonly shield: Shield;
			/** The sender's cross-signing identity changed since this reader pinned it, and nobody verified the new one. */
			readonly identityChanged: boolean;
			/** This reader has verified the sender's identity (cross-signing), not merely pinned it. */
			readonly senderVerified: boolean;
	  };

/**
 * The Shield for matrix-js-sdk's EventShieldReason, by the enum member's
 * name (a plain string here: policies/ knows no SDK); `null` when the crypto
 * shows no shield. A name this code does not know reads as 'unknown', which
 * is never trusted.
 */
export function readShield(reason: string | null): Shield {
	switch (reason) {
		case null:
			return 'none';
		case 'UNVERIFIED_IDENTITY':
			return 'unverified-identity';
		case 'UNSIGNED_DEVICE':
			return 'unsigned-device';
		case 'UNKNOWN_DEVICE':
			return 'unknown-device';
		case 'AUTHENTICITY_NOT_GUARANTEED':
			return 'not-guaranteed';
		case 'MISMATCHED_SENDER_KEY':
			return 'mismatched-sender-key';
		case 'SENT_IN_CLEAR':
			return 'sent-in-clear';
		case 'VERIFICATION_VIOLATION':
			return 'verification-violation';
		case 'MISMATCHED_SENDER':
			return 'mismatched-sender';
		default:
			return 'unknown';
	}
}

/** The one room encryption Rogatory accepts (Megolm; spec: "m.room.encryption"). */
export const MEGOLM = 'm.megolm.v1.aes-sha2';

/**
 * Whether a room's m.room.encryption state content makes it an encrypted room:
 * Megolm named as its algorithm. NOTE: matrix-js-sdk's hasEncryptionStateEvent
 * is true for any such state event, a redacted one (empty content) included;
 * a room whose encryption state was redacted, or names another algorithm, is
 * not an encrypted room here.
 */
export function isMegolmRoom(encryptionContent: unknown): boolean {
	return (
		typeof encryptionContent === 'object' &&
		encryptionContent !== null &&
		(encryptionContent as Record<string, unknown>)['algorithm'] === MEGOLM
	);
}
