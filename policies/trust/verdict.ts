// The one rule every reader applies before an event may count (ARCHITECTURE.md,
// decision 11): a case, preservation, directory or plenary event counts only
// if it arrived Megolm-encrypted, in a room that is encrypted, from a device
// its owner cross-signed, under a room key the crypto can vouch for, from a
// sender whose identity has not changed since it was pinned without being
// verified again. Anything else is refused with a code (for the UI and the
// register) and a reason in English (for logs and auditors). Pure.
import type { Arrival, Shield } from './arrival.ts';

/** How a counted event's sender is known to this reader. */
export type Verification =
	/** Cross-signed by an identity this reader has verified. */
	| 'verified'
	/** Cross-signed by its owner's identity, which this reader trusts on first use. */
	| 'cross-signed';

export const TRUST_CODES = [
	'not-encrypted',
	'room-not-encrypted',
	'unsigned-device',
	'unknown-device',
	'not-guaranteed',
	'mismatched-sender',
	'identity-changed',
	'unknown-shield',
] as const;

export type TrustCode = (typeof TRUST_CODES)[number];

export type TrustVerdict =
	| { readonly counts: true; readonly verification: Verification }
	| { readonly counts: false; readonly code: TrustCode; readonly reason: string };

const refused = (code: TrustCode, reason: string): TrustVerdict => ({ counts: false, code, reason });

const BY_SHIELD: Readonly<Record<Exclude<Shield, 'none' | 'unverified-identity'>, TrustVerdict>> = {
	'unsigned-device': refused('unsigned-device', 'sent from a device its owner has not cross-signed'),
	'unknown-device': refused('unknown-device', 'sent from a device this reader does not know (unknown or deleted)'),
	'not-guaranteed': refused(
		'not-guaranteed',
		'its room key did not come from the sender (key backup, forwarded or imported): its authenticity cannot be guaranteed',
	),
	'mismatched-sender-key': refused('mismatched-sender', 'the room key does not belong to the device that claims to have sent it'),
	'sent-in-clear': refused('not-encrypted', 'the crypto layer says it was sent in the clear'),
	'verification-violation': refused('identity-changed', "the sender's verified identity has changed since it was verified"),
	'mismatched-sender': refused('mismatched-sender', 'the event names a sender who does not own the device that encrypted it'),
	unknown: refused('unknown-shield', 'the crypto layer reports a trust problem this version does not know'),
};

export function judgeArrival(arrival: Arrival): TrustVerdict {
	if (!arrival.encrypted)
		return refused('not-encrypted', 'sent in the clear: anyone holding a member’s access token or their homeserver could have made it');
	if (!arrival.roomEncrypted) return refused('room-not-encrypted', 'its room has no m.room.encryption state: not a case room');
	if (arrival.shield !== 'none' && arrival.shield !== 'unverified-identity') return BY_SHIELD[arrival.shield];
	if (arrival.identityChanged)
		return refused(
			'identity-changed',
			"the sender's cross-signing identity changed since it was first seen and has not been verified again",
		);
	return { counts: true, verification: arrival.senderVerified ? 'verified' : 'cross-signed' };
}

/** What the register records of how an event arrived: the verification when it counts, else the trust code. */
export const arrivalLabel = (verdict: TrustVerdict): Verification | TrustCode => (verdict.counts ? verdict.verification : verdict.code);

/** Who may approve a counterpart's changed identity for their authority's bridge: those who answer for its register. */
export const IDENTITY_APPROVERS = ['central-authority-officer', 'authority-administrator'] as const;
