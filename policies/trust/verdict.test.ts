import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMegolmRoom, readShield, SHIELDS, type Shield } from './arrival.ts';
import { readDecryptionFailure } from './failures.ts';
import { arrivalLabel, judgeArrival } from './verdict.ts';

const encrypted = (shield: Shield, more: { roomEncrypted?: boolean; identityChanged?: boolean; senderVerified?: boolean } = {}) =>
	({ encrypted: true, roomEncrypted: true, shield, identityChanged: false, senderVerified: false, ...more }) as const;

describe('judgeArrival', () => {
	it('counts an encrypted event from a cross-signed device, verified or trusted on first use', () => {
		expect(judgeArrival(encrypted('none', { senderVerified: true }))).toEqual({ counts: true, verification: 'verified' });
		// NOTE: the Rust crypto shows no shield for a sender trusted on first use in signed-devices-only mode.
		expect(judgeArrival(encrypted('none'))).toEqual({ counts: true, verification: 'cross-signed' });
		expect(judgeArrival(encrypted('unverified-identity'))).toEqual({ counts: true, verification: 'cross-signed' });
	});

	it('refuses an event sent in the clear, in any room', () => {
		for (const roomEncrypted of [true, false])
			expect(judgeArrival({ encrypted: false, roomEncrypted })).toMatchObject({ counts: false, code: 'not-encrypted' });
		expect(judgeArrival(encrypted('sent-in-clear'))).toMatchObject({ counts: false, code: 'not-encrypted' });
	});

	it('refuses an encrypted event in a room that is not encrypted', () => {
		expect(judgeArrival(encrypted('none', { roomEncrypted: false }))).toMatchObject({ counts: false, code: 'room-not-encrypted' });
	});

	it('refuses what the crypto cannot vouch for, each with its code', () => {
		expect(judgeArrival(encrypted('unsigned-device'))).toMatchObject({ counts: false, code: 'unsigned-device' });
		expect(judgeArrival(encrypted('unknown-device'))).toMatchObject({ counts: false, code: 'unknown-device' });
		expect(judgeArrival(encrypted('not-guaranteed'))).toMatchObject({ counts: false, code: 'not-guaranteed' });
		expect(judgeArrival(encrypted('mismatched-sender'))).toMatchObject({ counts: false, code: 'mismatched-sender' });
		expect(judgeArrival(encrypted('mismatched-sender-key'))).toMatchObject({ counts: false, code: 'mismatched-sender' });
		expect(judgeArrival(encrypted('verification-violation'))).toMatchObject({ counts: false, code: 'identity-changed' });
		expect(judgeArrival(encrypted('unknown'))).toMatchObject({ counts: false, code: 'unknown-shield' });
	});

	it('refuses a sender whose identity changed since it was pinned, until it is verified again', () => {
		expect(judgeArrival(encrypted('unverified-identity', { identityChanged: true }))).toMatchObject({
			counts: false,
			code: 'identity-changed',
		});
	});

	it('counts nothing but an encrypted event in an encrypted room with a clean or first-use shield and an unchanged identity (any facts)', () => {
		const arrival = fc.oneof(
			fc.record({ encrypted: fc.constant(false as const), roomEncrypted: fc.boolean() }),
			fc.record({
				encrypted: fc.constant(true as const),
				roomEncrypted: fc.boolean(),
				shield: fc.constantFrom(...SHIELDS),
				identityChanged: fc.boolean(),
				senderVerified: fc.boolean(),
			}),
		);
		fc.assert(
			fc.property(arrival, (a) => {
				const verdict = judgeArrival(a);
				const trusted = a.encrypted && a.roomEncrypted && (a.shield === 'none' || a.shield === 'unverified-identity') && !a.identityChanged;
				expect(verdict.counts).toBe(trusted);
				if (!verdict.counts) expect(verdict.reason.length).toBeGreaterThan(10);
			}),
		);
	});

	it('labels an arrival by its verification or its refusal', () => {
		expect(arrivalLabel(judgeArrival(encrypted('unverified-identity')))).toBe('cross-signed');
		expect(arrivalLabel(judgeArrival({ encrypted: false, roomEncrypted: true }))).toBe('not-encrypted');
	});
});

describe('readDecryptionFailure', () => {
	it('tells refusals for trust from withheld and missing keys', () => {
		expect(readDecryptionFailure('UNSIGNED_SENDER_DEVICE')).toEqual({ kind: 'refused', code: 'unsigned-device' });
		expect(readDecryptionFailure('SENDER_IDENTITY_PREVIOUSLY_VERIFIED')).toEqual({ kind: 'refused', code: 'identity-changed' });
		expect(readDecryptionFailure('UNKNOWN_SENDER_DEVICE')).toEqual({ kind: 'refused', code: 'unknown-device' });
		expect(readDecryptionFailure('MEGOLM_KEY_WITHHELD_FOR_UNVERIFIED_DEVICE')).toEqual({ kind: 'withheld' });
		expect(readDecryptionFailure('MEGOLM_UNKNOWN_INBOUND_SESSION_ID')).toEqual({ kind: 'missing-key' });
		expect(readDecryptionFailure('anything else')).toEqual({ kind: 'missing-key' });
	});
});

describe('readShield', () => {
	it('reads the SDK shield reasons by name; an unknown one is never trusted', () => {
		expect(readShield(null)).toBe('none');
		expect(readShield('UNVERIFIED_IDENTITY')).toBe('unverified-identity');
		expect(readShield('AUTHENTICITY_NOT_GUARANTEED')).toBe('not-guaranteed');
		expect(readShield('MISMATCHED_SENDER')).toBe('mismatched-sender');
		expect(readShield('SOMETHING_NEW')).toBe('unknown');
		expect(
			judgeArrival({
				encrypted: true,
				roomEncrypted: true,
				shield: readShield('SOMETHING_NEW'),
				identityChanged: false,
				senderVerified: false,
			}).counts,
		).toBe(false);
	});
});

describe('isMegolmRoom', () => {
	it('takes only Megolm as a room encryption: a redacted (empty) or other algorithm is no encrypted room', () => {
		expect(isMegolmRoom({ algorithm: 'm.megolm.v1.aes-sha2', rotation_period_ms: 604800000 })).toBe(true);
		for (const content of [
			{},
			{ algorithm: 'm.olm.v1.curve25519-aes-sha2' },
			{ algorithm: 'none' },
			null,
			undefined,
			'm.megolm.v1.aes-sha2',
		])
			expect(isMegolmRoom(content), JSON.stringify(content)).toBe(false);
	});
});
