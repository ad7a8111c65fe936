// First sign-in: the account's cross-signing keys, and the recovery key that
// protects them and the key backup in secret storage (spec: "Cross-signing",
// "Storage" and "Server-side key backups"). The recovery key is made first and
// shown to the person; the keys are stored only once they have proved they
// kept it, so no account ends up with a recovery key nobody has.
import { err, ok, type Result } from '#policies/result.ts';
import { describeFailure, type Failure } from './failure.ts';
import type { GeneratedSecretStorageKey, MatrixClient } from './sdk.ts';
import type { SecretStorageKeyCache } from './secret-storage-key-cache.ts';
import { passwordAuth, UiaCancelledError, type AskPassword } from './uia.ts';

export interface RecoveryKey {
	/** The key for people: base58 in groups of four. */
	readonly encoded: string;
	/** What secret storage needs; kept in memory only until the keys are stored. */
	readonly generated: GeneratedSecretStorageKey;
}

function cryptoOf(client: MatrixClient) {
	const crypto = client.getCrypto();
	if (crypto === undefined) throw new Error('the client was started without crypto');
	return crypto;
}

/** A fresh random recovery key (no passphrase: a passphrase people choose is weaker). */
export async function createRecoveryKey(client: MatrixClient): Promise<Result<RecoveryKey, Failure>> {
	try {
		const generated = await cryptoOf(client).createRecoveryKeyFromPassphrase();
		if (generated.encodedPrivateKey === undefined)
			return err({ kind: 'unexpected', detail: 'the SDK made a key without its encoded form' });
		return ok({ encoded: generated.encodedPrivateKey, generated });
	} catch (error) {
		return err(describeFailure(error));
	}
}

export type KeySetupProblem = { readonly kind: 'password-not-given' } | Failure;

/** The parts of a key setup, for a progress bar: the cross-signing keys published, then secret storage and the backup. */
export const KEY_SETUP_STEPS = 2;

/**
 * Creates and publishes cross-signing (signing this device), then secret
 * storage under `recoveryKey` holding the cross-signing keys and the key of a
 * new key backup. Safe to run again after an interruption: cross-signing keys
 * this device already holds are kept, and a new secret storage replaces an
 * unfinished one. With `reset`, for a person who lost their recovery key and
 * every verified session: the old secret storage and backups are deleted, new
 * cross-signing keys replace the account's (the homeserver then asks for the
 * password) and a new backup starts; then the new recovery key stores them.
 * NOTE: in that order — with the old secret storage still in place, the SDK
 * would first try to store the new keys under the old, lost recovery key.
 */
export async function setUpKeys(
	client: MatrixClient,
	recoveryKey: RecoveryKey,
	cache: SecretStorageKeyCache,
	askPassword: AskPassword,
	options: { readonly reset?: boolean; readonly onStep?: (done: number) => void } = {},
): Promise<Result<void, KeySetupProblem>> {
	const crypto = cryptoOf(client);
	const reset = options.reset ?? false;
	const auth = passwordAuth<void>(client.getSafeUserId(), askPassword);
	try {
		if (reset) await crypto.resetEncryption(auth);
		else await crypto.bootstrapCrossSigning({ authUploadDeviceSigningKeys: auth });
		options.onStep?.(1);
		// A backup key this device already holds (an interrupted setup, or the
		// reset's new backup) is kept and stored; otherwise a new backup is made,
		// whose key secret storage keeps.
		const backupKey = await crypto.getSessionBackupPrivateKey();
		await crypto.bootstrapSecretStorage({
			createSecretStorageKey: () => Promise.resolve(recoveryKey.generated),
			setupNewSecretStorage: true,
			setupNewKeyBackup: backupKey === null,
		});
		options.onStep?.(2);
		return ok(undefined);
	} catch (error) {
		if (error instanceof UiaCancelledError) return err({ kind: 'password-not-given' });
		return err(describeFailure(error));
	} finally {
		cache.forget();
	}
}
