import { describe, expect, it } from 'vitest';
import { keptSecretStorage, type KeptAccountData } from './kept-secret-storage.ts';

const stored = { encrypted: { k1: { iv: 'i', ciphertext: 'c', mac: 'm' } } };
const complete: Record<string, Record<string, unknown>> = {
	'm.secret_storage.default_key': { key: 'k1' },
	'm.secret_storage.key.k1': { algorithm: 'm.secret_storage.v1.aes-hmac-sha2' },
	'm.cross_signing.master': stored,
	'm.cross_signing.self_signing': stored,
	'm.cross_signing.user_signing': stored,
};
const kept =
	(data: Record<string, Record<string, unknown>>): KeptAccountData =>
	(type) =>
		data[type];

describe('secret storage read from the kept account data', () => {
	it('is ready when the default key is described and every cross-signing key is stored under it', () => {
		expect(keptSecretStorage(kept(complete), { backupInUse: false })).toEqual({ defaultKeyId: 'k1', ready: true });
	});

	it('needs the backup key too when a backup is in use', () => {
		expect(keptSecretStorage(kept(complete), { backupInUse: true })).toEqual({ defaultKeyId: 'k1', ready: false });
		expect(keptSecretStorage(kept({ ...complete, 'm.megolm_backup.v1': stored }), { backupInUse: true }).ready).toBe(true);
	});

	it('is not ready when a secret is missing or stored under another key', () => {
		const { ['m.cross_signing.user_signing']: _missing, ...withoutOne } = complete;
		expect(keptSecretStorage(kept(withoutOne), { backupInUse: false })).toEqual({ defaultKeyId: 'k1', ready: false });
		const otherKey = { ...complete, 'm.cross_signing.master': { encrypted: { k0: stored.encrypted.k1 } } };
		expect(keptSecretStorage(kept(otherKey), { backupInUse: false }).ready).toBe(false);
	});

	it('knows no recovery key without a default key, or with one whose description was never kept', () => {
		expect(keptSecretStorage(kept({}), { backupInUse: false })).toEqual({ defaultKeyId: null, ready: false });
		const { ['m.secret_storage.key.k1']: _gone, ...undescribed } = complete;
		expect(keptSecretStorage(kept(undescribed), { backupInUse: false })).toEqual({ defaultKeyId: 'k1', ready: false });
	});
});
