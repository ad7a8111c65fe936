// An account's keys as the web app sets them up and brings them back, for
// integration tests outside web/: on a first device, cross-signing, a
// recovery key, secret storage and a key backup (web/src/lib/matrix/key-setup.ts);
// on a new device, the recovery key unlocking them, the device cross-signed
// and the backup restored (web/src/lib/matrix/recovery.ts) — the same code
// the browser runs, on a Node client.
import type * as sdk from 'matrix-js-sdk';
import { createRecoveryKey, setUpKeys } from '../../web/src/lib/matrix/key-setup.ts';
import { recoverWithKey, type BackupOutcome } from '../../web/src/lib/matrix/recovery.ts';
import { SecretStorageKeyCache } from '../../web/src/lib/matrix/secret-storage-key-cache.ts';
import { startNodeClient, type NodeAccount } from './matrix-node-client.ts';

/** A started client whose account now has cross-signing and a key backup; the recovery key as a person would write it down. */
export async function startWithKeyBackup(
	account: NodeAccount,
	password: string,
): Promise<{ readonly client: sdk.MatrixClient; readonly recoveryKey: string }> {
	const cache = new SecretStorageKeyCache();
	const client = await startNodeClient(account, { cryptoCallbacks: cache.callbacks });
	const key = await createRecoveryKey(client);
	if (!key.ok) throw new Error(`no recovery key: ${JSON.stringify(key.error)}`);
	const setUp = await setUpKeys(client, key.value, cache, () => Promise.resolve(password));
	if (!setUp.ok) throw new Error(`key setup failed: ${JSON.stringify(setUp.error)}`);
	return { client, recoveryKey: key.value.encoded };
}

/** A started client on a new device, brought in with the recovery key: cross-signed, its key backup restored. */
export async function startRecovered(
	account: NodeAccount,
	recoveryKey: string,
): Promise<{ readonly client: sdk.MatrixClient; readonly backup: BackupOutcome }> {
	const cache = new SecretStorageKeyCache();
	const client = await startNodeClient(account, { cryptoCallbacks: cache.callbacks });
	// NOTE: as the web app does before it offers recovery (trust.ts reads the facts fresh after sign-in): the account's
	// published cross-signing keys fetched first — the private ones from secret storage are imported only against them.
	if (!(await client.getCrypto()!.userHasCrossSigningKeys(account.userId, true))) {
		client.stopClient();
		throw new Error(`${account.userId} has no cross-signing keys published: nothing to recover`);
	}
	const recovered = await recoverWithKey(client, recoveryKey, cache, () => {});
	if (!recovered.ok) {
		client.stopClient();
		throw new Error(`recovery failed: ${JSON.stringify(recovered.error)}`);
	}
	return { client, backup: recovered.value };
}
