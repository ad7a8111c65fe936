import { EventEmitter } from 'events';
import { describe, expect, it, vi } from 'vitest';
import { CryptoEvent, DecryptionFailureCode, type MatrixClient, type MatrixEvent } from './sdk.ts';
import { retryUnsignedOnDeviceUpdates } from './unsigned-retry.ts';

function failed(sender: string, reason: DecryptionFailureCode | null) {
	return {
		isDecryptionFailure: () => reason !== null,
		decryptionFailureReason: reason,
		getSender: () => sender,
		attemptDecryption: vi.fn(() => Promise.resolve()),
	};
}

function clientWith(events: ReturnType<typeof failed>[]) {
	const emitter = new EventEmitter();
	const crypto = {};
	const room = { getLiveTimeline: () => ({ getEvents: () => events as unknown as MatrixEvent[] }) };
	const client = Object.assign(emitter, { getCrypto: () => crypto, getRooms: () => [room] }) as unknown as MatrixClient;
	return { client, crypto, emit: (name: string, ...args: unknown[]) => emitter.emit(name, ...args) };
}

describe('events refused for an unsigned device are decrypted again when the sender’s devices change', () => {
	it('retries only those, only for the senders named, until stopped', () => {
		const unsignedFromAna = failed('@ana:gt', DecryptionFailureCode.UNSIGNED_SENDER_DEVICE);
		const unsignedFromBob = failed('@bob:ng', DecryptionFailureCode.UNSIGNED_SENDER_DEVICE);
		const identityFromAna = failed('@ana:gt', DecryptionFailureCode.SENDER_IDENTITY_PREVIOUSLY_VERIFIED);
		const readable = failed('@ana:gt', null);
		const { client, crypto, emit } = clientWith([unsignedFromAna, unsignedFromBob, identityFromAna, readable]);
		const stop = retryUnsignedOnDeviceUpdates(client);

		emit(CryptoEvent.DevicesUpdated, ['@ana:gt'], false);
		expect(unsignedFromAna.attemptDecryption).toHaveBeenCalledWith(crypto, { isRetry: true });
		expect(unsignedFromBob.attemptDecryption).not.toHaveBeenCalled();
		expect(identityFromAna.attemptDecryption).not.toHaveBeenCalled();
		expect(readable.attemptDecryption).not.toHaveBeenCalled();

		emit(CryptoEvent.UserTrustStatusChanged, '@bob:ng');
		expect(unsignedFromBob.attemptDecryption).toHaveBeenCalledTimes(1);

		stop();
		emit(CryptoEvent.DevicesUpdated, ['@ana:gt', '@bob:ng'], false);
		expect(unsignedFromAna.attemptDecryption).toHaveBeenCalledTimes(1);
		expect(unsignedFromBob.attemptDecryption).toHaveBeenCalledTimes(1);
	});
});
