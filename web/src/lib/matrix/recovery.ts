// A new browser brought in with the recovery key: check the key against the
// account's secret storage, import the cross-signing keys from it (which signs
// this device) and, meanwhile, load the key-backup key and restore the backup
// so that earlier messages can be read here too.
import { err, ok, type Result } from '#policies/result.ts';
import { describeFailure, type Failure } from './failure.ts';
import { normaliseRecoveryKey } from './recovery-key.ts';
import { decodeRecoveryKey, type ImportRoomKeyProgressData, type MatrixClient } from './sdk.ts';
import type { SecretStorageKeyCache } from './secret-storage-key-cache.ts';

export type RecoveryProblem =
	/** Not a recovery key at all (wrong length, a typo caught by its parity byte). */
	| { readonly kind: 'not-a-recovery-key' }
	/** A well-formed recovery key, but not this account's. */
	| { readonly kind: 'wrong-recovery-key' }
	/** The account has no recovery key: it was never set up, or it was reset. */
	| { readonly kind: 'no-recovery-key' }
	| Failure;

export type RecoveryStage =
	| { readonly stage: 'checking' }
	| { readonly stage: 'signing' }
	| { readonly stage: 'restoring'; readonly done: number; readonly total: number };

export type BackupOutcome =
	| { readonly kind: 'restored'; readonly imported: number; readonly total: number }
	/** There is no key backup on the server (nothing to restore). */
	| { readonly kind: 'none' }
	/** This device is verified, but restoring failed; new messages still work. */
	| { readonly kind: 'failed'; readonly failure: Failure };

function cryptoOf(client: MatrixClient) {
	const crypto = client.getCrypto();
	if (crypto === undefined) throw new Error('the client was started without crypto');
	return crypto;
}

/** Checks the typed key and, when it is the account's, remembers it in `cache` for the SDK. */
export async function unlockSecretStorage(
	client: MatrixClient,
	typed: string,
	cache: SecretStorageKeyCache,
): Promise<Result<void, RecoveryProblem>> {
	let privateKey: Uint8Array<ArrayBuffer>;
	try {
		privateKey = decodeRecoveryKey(normaliseRecoveryKey(typed));
	} catch {
		return err({ kind: 'not-a-recovery-key' });
	}
	try {
		const keyId = await client.secretStorage.getDefaultKeyId();
		const key = keyId === null ? null : await client.secretStorage.getKey(keyId);
		if (key === null) return err({ kind: 'no-recovery-key' });
		const [id, info] = key;
		if (!(await client.secretStorage.checkKey(privateKey, info))) return err({ kind: 'wrong-recovery-key' });
		cache.remember(id, privateKey);
		return ok(undefined);
	} catch (error) {
		return err(describeFailure(error));
	} finally {
		privateKey.fill(0);
	}
}

async function restoreBackup(client: MatrixClient, onStage: (stage: RecoveryStage) => void): Promise<BackupOutcome> {
	const crypto = cryptoOf(client);
	try {
		if ((await crypto.getKeyBackupInfo()) === null) return { kind: 'none' };
		await crypto.loadSessionBackupPrivateKeyFromSecretStorage();
		// Back up this device's own new keys too, from now on.
		await crypto.checkKeyBackupAndEnable();
		onStage({ stage: 'restoring', done: 0, total: 0 });
		const result = await crypto.restoreKeyBackup({
			progressCallback: (progress: ImportRoomKeyProgressData) => {
				if ('successes' in progress) onStage({ stage: 'restoring', done: progress.successes + progress.failures, total: progress.total });
			},
		});
		return { kind: 'restored', imported: result.imported, total: result.total };
	} catch (error) {
		return { kind: 'failed', failure: describeFailure(error) };
	}
}

/** The whole flow: unlock, cross-sign this device, restore the backup. The cache is emptied at the end. */
export async function recoverWithKey(
	client: MatrixClient,
	typed: string,
	cache: SecretStorageKeyCache,
	onStage: (stage: RecoveryStage) => void,
): Promise<Result<BackupOutcome, RecoveryProblem>> {
	try {
		onStage({ stage: 'checking' });
		const unlocked = await unlockSecretStorage(client, typed, cache);
		if (!unlocked.ok) return unlocked;
		onStage({ stage: 'signing' });
		// NOTE: the backup's key comes from secret storage too, and a backup whose key
		// this device holds is trusted without the signature (matrix-js-sdk's
		// isKeyBackupTrusted: matchesDecryptionKey): the restore goes alongside the
		// signing, two round trips less on a slow line.
		const backup = restoreBackup(client, onStage);
		try {
			// With the cross-signing keys in secret storage and none here, this imports
			// them and signs this device with the self-signing key.
			await cryptoOf(client).bootstrapCrossSigning({});
		} catch (error) {
			await backup;
			return err(describeFailure(error));
		}
		return ok(await backup);
	} finally {
		cache.forget();
	}
}
