// The bot device's trust, set up at first start and checked at every start:
// cross-signing keys for the bot's account that sign its device (so clients
// in signed-devices-only mode share room keys with it; ARCHITECTURE.md,
// decision 5), and secret storage under a recovery key the SDK generates,
// written to the secret file before secret storage is created on the server.
import * as sdk from 'matrix-js-sdk';
import { decodeRecoveryKey, OnlySignedDevicesIsolationMode, type GeneratedSecretStorageKey } from 'matrix-js-sdk/lib/crypto-api/index.js';
import type { SecretFiles } from './secret-files.ts';

/** UIA for replacing cross-signing keys: none the first time (MSC3967), the password otherwise. */
function passwordAuth(user: string, password: string) {
	return async <T>(makeRequest: (auth: Record<string, unknown> | null) => Promise<T>): Promise<void> => {
		try {
			await makeRequest(null);
		} catch (e) {
			if (!(e instanceof sdk.MatrixError) || e.httpStatus !== 401) throw e;
			const session = (e.data as { session?: string }).session;
			await makeRequest({
				type: 'm.login.password',
				identifier: { type: 'm.id.user', user },
				password,
				...(session === undefined ? {} : { session }),
			});
		}
	};
}

/** How long a device signed just now may take to read as cross-signed in its own store. */
const TRUST_SETTLES_MS = 30_000;

export function recoveryKeyOf(encoded: string): GeneratedSecretStorageKey {
	return { privateKey: decodeRecoveryKey(encoded), encodedPrivateKey: encoded };
}

export async function ensureTrust(
	client: sdk.MatrixClient,
	secrets: SecretFiles,
	password: string,
	log: (line: string) => void,
): Promise<void> {
	const crypto = client.getCrypto();
	if (crypto === undefined) throw new Error('the bot client has no crypto');
	crypto.setDeviceIsolationMode(new OnlySignedDevicesIsolationMode());
	if (!(await crypto.isCrossSigningReady())) {
		log('cross-signing the bot device');
		await crypto.bootstrapCrossSigning({ authUploadDeviceSigningKeys: passwordAuth(client.getSafeUserId(), password) });
	}
	if (!(await crypto.isSecretStorageReady())) {
		let encoded = secrets.readRecoveryKey();
		if (encoded === undefined) {
			const generated = await crypto.createRecoveryKeyFromPassphrase();
			if (generated.encodedPrivateKey === undefined) throw new Error('the SDK made a recovery key without its encoded form');
			encoded = generated.encodedPrivateKey;
			secrets.writeRecoveryKey(encoded);
			log(`recovery key written to ${secrets.recoveryKeyPath}`);
		}
		const key = recoveryKeyOf(encoded);
		await crypto.bootstrapSecretStorage({ createSecretStorageKey: () => Promise.resolve(key), setupNewSecretStorage: true });
	}
	// NOTE: a new device of an account whose cross-signing keys are already in secret storage (the bridge's device
	// lost, or a second one) takes the keys from there and uploads its signature; its own store learns of that
	// signature only from the key query after the next sync, so the status is looked at again for a while.
	for (const end = Date.now() + TRUST_SETTLES_MS; ;) {
		const device = await crypto.getDeviceVerificationStatus(client.getSafeUserId(), client.getDeviceId() ?? '');
		if (device?.crossSigningVerified === true) return;
		if (Date.now() > end) throw new Error('the bot device is not cross-signed after setup');
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
