// How this browser opens the Rust crypto store of a resumed session: with
// its storage key (storage-key.ts), or — for a store made before storage
// keys existed — without one, flagged as unprotected so the person is led
// to replace this device (docs/decisions.md, "The crypto store is opened
// with a storage key"). Never with a new key over an old store, nor without
// a key over a keyed one: the SDK would not find the device's keys and
// would silently start a new identity for the same device.
// NOTE: which is which is told by the store's meta database: the SDK's
// IndexedDB store (matrix-sdk-indexeddb) writes its encrypted store cipher
// there when, and only when, it is opened with a key.
import { CRYPTO_DB_PREFIX } from './stored-session.ts';
import { createStorageKey, loadStorageKey, type DeviceOwner, type StorageKeyPlatform } from './storage-key.ts';

export type StoreAccess =
	| { readonly kind: 'keyed'; readonly key: Uint8Array }
	/** A store from before storage keys: readable only without a key. */
	| { readonly kind: 'unprotected' }
	/** The key record is there but does not unwrap: the store cannot be opened. */
	| { readonly kind: 'key-unreadable' }
	/** IndexedDB or WebCrypto refused. */
	| { readonly kind: 'unavailable' };

/** The Rust crypto store's main database name (the SDK adds "::matrix-sdk-crypto" to the prefix). */
export const CRYPTO_DB = `${CRYPTO_DB_PREFIX}::matrix-sdk-crypto`;
/** Its meta database: only a keyed store has one (it holds the store cipher, encrypted under the key). */
export const CRYPTO_META_DB = `${CRYPTO_DB_PREFIX}::matrix-sdk-crypto-meta`;

async function existing(factory: IDBFactory): Promise<{ readonly store: boolean; readonly meta: boolean }> {
	const names = new Set((await factory.databases()).map((db) => db.name));
	return { store: names.has(CRYPTO_DB), meta: names.has(CRYPTO_META_DB) };
}

export async function storeAccessFor(platform: StorageKeyPlatform, owner: DeviceOwner): Promise<StoreAccess> {
	const loaded = await loadStorageKey(platform, owner);
	if (loaded.ok) return { kind: 'keyed', key: loaded.value };
	switch (loaded.error) {
		case 'unreadable':
			return { kind: 'key-unreadable' };
		case 'unavailable':
			return { kind: 'unavailable' };
		case 'missing': {
			let found: { readonly store: boolean; readonly meta: boolean };
			try {
				found = await existing(platform.indexedDB);
			} catch {
				return { kind: 'unavailable' };
			}
			// A keyed store (or what is left of one) whose key is gone: nothing can open it.
			if (found.meta) return { kind: 'key-unreadable' };
			if (found.store) return { kind: 'unprotected' };
			// Nothing stored for this device yet: its store starts keyed.
			const created = await createStorageKey(platform, owner);
			return created.ok ? { kind: 'keyed', key: created.value } : { kind: 'unavailable' };
		}
	}
}
