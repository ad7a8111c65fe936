// Whether secret storage is complete, read from the account data the sync
// kept in this browser instead of asked of the homeserver: the SDK's own
// check (CryptoApi.isSecretStorageReady) reads account data from the
// homeserver whenever its sync is not running, so it cannot answer offline.
// The same rule as the SDK's: a default key exists, its description is
// there, and each secret the device needs (the three cross-signing keys, and
// the backup key when a backup is in use) is stored encrypted under it.

/** The content of one account-data event as kept, or undefined when none was kept. */
export type KeptAccountData = (type: string) => Readonly<Record<string, unknown>> | undefined;

const CROSS_SIGNING_SECRETS = ['m.cross_signing.master', 'm.cross_signing.user_signing', 'm.cross_signing.self_signing'] as const;
const BACKUP_SECRET = 'm.megolm_backup.v1';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export interface KeptSecretStorage {
	readonly defaultKeyId: string | null;
	readonly ready: boolean;
}

export function keptSecretStorage(read: KeptAccountData, options: { readonly backupInUse: boolean }): KeptSecretStorage {
	const key = read('m.secret_storage.default_key')?.['key'];
	const defaultKeyId = typeof key === 'string' && key !== '' ? key : null;
	if (defaultKeyId === null || read(`m.secret_storage.key.${defaultKeyId}`) === undefined) return { defaultKeyId, ready: false };
	const secrets = options.backupInUse ? [...CROSS_SIGNING_SECRETS, BACKUP_SECRET] : CROSS_SIGNING_SECRETS;
	const ready = secrets.every((name) => {
		const encrypted = read(name)?.['encrypted'];
		return isRecord(encrypted) && isRecord(encrypted[defaultKeyId]);
	});
	return { defaultKeyId, ready };
}
