// What an event the reader could not decrypt means for trust: the crypto layer
// refuses some events on purpose (the sender's device is not cross-signed, the
// sender's verified identity changed, the key was withheld from this reader);
// others only lack their key for now. Readers keep the crypto's own code
// (matrix-js-sdk's DecryptionFailureCode, a plain string here) and show this
// reading of it. Pure.
import type { TrustCode } from './verdict.ts';

export type Undecryptable =
	/** Refused by the crypto for a trust reason: the same code a decrypted event would get. */
	| { readonly kind: 'refused'; readonly code: Extract<TrustCode, 'unsigned-device' | 'unknown-device' | 'identity-changed'> }
	/** The sender's side did not give this reader the key (withheld), on purpose. */
	| { readonly kind: 'withheld' }
	/** The key never arrived (or not yet). */
	| { readonly kind: 'missing-key' };

export function readDecryptionFailure(code: string): Undecryptable {
	switch (code) {
		case 'UNSIGNED_SENDER_DEVICE':
			return { kind: 'refused', code: 'unsigned-device' };
		case 'UNKNOWN_SENDER_DEVICE':
			return { kind: 'refused', code: 'unknown-device' };
		case 'SENDER_IDENTITY_PREVIOUSLY_VERIFIED':
			return { kind: 'refused', code: 'identity-changed' };
		case 'MEGOLM_KEY_WITHHELD':
		case 'MEGOLM_KEY_WITHHELD_FOR_UNVERIFIED_DEVICE':
			return { kind: 'withheld' };
		default:
			return { kind: 'missing-key' };
	}
}
