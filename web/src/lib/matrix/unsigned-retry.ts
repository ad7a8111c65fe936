// An event its crypto refused as "from a device its owner has not signed"
// may only have come before the sender's signature did: the sender cross-
// signs a new device a moment after it starts, and this browser may decrypt
// the device's first message with a device list fetched in between. The SDK
// does not decrypt such an event again by itself; this does, whenever the
// crypto learns something new about the sender's devices or identity. An
// event whose device stays unsigned fails again, with the same reason.
import { CryptoEvent, DecryptionFailureCode, type MatrixClient, type MatrixEvent } from './sdk.ts';

type CryptoBackend = Parameters<MatrixEvent['attemptDecryption']>[0];

/** Refused for an unsigned device, from one of `senders`: worth another try. */
function refusedAsUnsigned(event: MatrixEvent, senders: ReadonlySet<string>): boolean {
	return (
		event.isDecryptionFailure() &&
		event.decryptionFailureReason === DecryptionFailureCode.UNSIGNED_SENDER_DEVICE &&
		senders.has(event.getSender() ?? '')
	);
}

/** Starts retrying; returns the function that stops it. */
export function retryUnsignedOnDeviceUpdates(client: MatrixClient): () => void {
	const retry = (userIds: readonly string[]): void => {
		// NOTE: the Rust crypto is the client's CryptoApi and its CryptoBackend at once.
		const crypto = client.getCrypto() as CryptoBackend | undefined;
		if (crypto === undefined) return;
		const senders = new Set(userIds);
		for (const room of client.getRooms()) {
			for (const event of room.getLiveTimeline().getEvents()) {
				if (refusedAsUnsigned(event, senders)) void event.attemptDecryption(crypto, { isRetry: true });
			}
		}
	};
	const onDevices = (userIds: string[]): void => retry(userIds);
	const onIdentity = (userId: string): void => retry([userId]);
	client.on(CryptoEvent.DevicesUpdated, onDevices);
	client.on(CryptoEvent.UserTrustStatusChanged, onIdentity);
	return () => {
		client.off(CryptoEvent.DevicesUpdated, onDevices);
		client.off(CryptoEvent.UserTrustStatusChanged, onIdentity);
	};
}
