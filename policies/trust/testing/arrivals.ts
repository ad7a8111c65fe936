// How an event counted by the trust rule arrives, for tests: Megolm-encrypted
// in an encrypted room, from a cross-signed device whose identity did not
// change (not verified by the reader in person, which the rule does not ask).
import type { Arrival } from '../arrival.ts';

export const CROSS_SIGNED_ARRIVAL = {
	encrypted: true,
	roomEncrypted: true,
	shield: 'unverified-identity',
	identityChanged: false,
	senderVerified: false,
} as const satisfies Arrival;
