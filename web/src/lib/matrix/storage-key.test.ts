import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { wipeBrowserData } from '../session/browser-data.ts';
import { createStorageKey, loadStorageKey, STORAGE_KEY_DB } from './storage-key.ts';
import { CRYPTO_DB, CRYPTO_META_DB, storeAccessFor } from './store-access.ts';

const ana = { userId: '@ana:127.0.20.1:28448', deviceId: 'ANADEVICE' };
const platform = () => ({ indexedDB: new IDBFactory(), crypto: globalThis.crypto });

function openRaw(factory: IDBFactory, name: string, create?: string): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = factory.open(name, 1);
		req.onupgradeneeded = () => void (create === undefined ? undefined : req.result.createObjectStore(create));
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('open failed'));
	});
}

function rawRecords(factory: IDBFactory): Promise<Map<IDBValidKey, unknown>> {
	return openRaw(factory, STORAGE_KEY_DB).then(
		(db) =>
			new Promise((resolve) => {
				const store = db.transaction('keys').objectStore('keys');
				const all = new Map<IDBValidKey, unknown>();
				store.openCursor().onsuccess = (event) => {
					const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
					if (cursor === null) {
						db.close();
						return resolve(all);
					}
					all.set(cursor.key, cursor.value);
					cursor.continue();
				};
			}),
	);
}

function putRaw(factory: IDBFactory, key: IDBValidKey, value: unknown): Promise<void> {
	return openRaw(factory, STORAGE_KEY_DB, 'keys').then(
		(db) =>
			new Promise((resolve) => {
				const tx = db.transaction('keys', 'readwrite');
				tx.objectStore('keys').put(value, key);
				tx.oncomplete = () => {
					db.close();
					resolve();
				};
			}),
	);
}

describe('the storage key', () => {
	it('is 32 random bytes, the same each time it is loaded, and differs between devices', async () => {
		const p = platform();
		const made = await createStorageKey(p, ana);
		expect(made.ok).toBe(true);
		if (!made.ok) return;
		expect(made.value).toHaveLength(32);
		expect(await loadStorageKey(p, ana)).toEqual({ ok: true, value: made.value });
		const other = await createStorageKey(p, { ...ana, deviceId: 'OTHER' });
		expect(other.ok && Buffer.from(other.value).equals(Buffer.from(made.value))).toBe(false);
	});

	it('is stored only wrapped, under a key that script can use but not export', async () => {
		const p = platform();
		const made = await createStorageKey(p, ana);
		if (!made.ok) throw new Error('not made');
		const [record] = [...(await rawRecords(p.indexedDB)).values()] as { wrappingKey: CryptoKey; wrapped: ArrayBuffer }[];
		expect(record?.wrappingKey).toBeInstanceOf(CryptoKey);
		expect(record?.wrappingKey.extractable).toBe(false);
		await expect(crypto.subtle.exportKey('raw', record!.wrappingKey)).rejects.toThrow();
		// The stored bytes are not the key (AES-GCM: 32 bytes of ciphertext and a 16-byte tag).
		const stored = Buffer.from(record!.wrapped);
		expect(stored).toHaveLength(48);
		expect(stored.includes(Buffer.from(made.value))).toBe(false);
	});

	it('does not open under another user or device: a copied record is unreadable', async () => {
		const p = platform();
		await createStorageKey(p, ana);
		const [record] = [...(await rawRecords(p.indexedDB)).values()];
		const eve = { userId: '@eve:127.0.20.1:28448', deviceId: 'EVEDEVICE' };
		await putRaw(p.indexedDB, JSON.stringify([eve.userId, eve.deviceId]), record);
		expect(await loadStorageKey(p, eve)).toEqual({ ok: false, error: 'unreadable' });
	});

	it('says missing when nothing is stored (making no database), and unreadable when the record is damaged', async () => {
		const p = platform();
		expect(await loadStorageKey(p, ana)).toEqual({ ok: false, error: 'missing' });
		expect(await p.indexedDB.databases()).toEqual([]);
		await createStorageKey(p, ana);
		const [entry] = [...(await rawRecords(p.indexedDB)).entries()] as [IDBValidKey, { wrapped: ArrayBuffer }][];
		if (entry === undefined) throw new Error('nothing stored');
		const [key, record] = entry;
		const flipped = new Uint8Array(record.wrapped.slice(0));
		flipped[0] = (flipped[0] ?? 0) ^ 1;
		await putRaw(p.indexedDB, key, { ...record, wrapped: flipped.buffer });
		expect(await loadStorageKey(p, ana)).toEqual({ ok: false, error: 'unreadable' });
		await putRaw(p.indexedDB, key, 'not a record');
		expect(await loadStorageKey(p, ana)).toEqual({ ok: false, error: 'unreadable' });
	});

	it('is deleted by sign-out’s wipe, with the crypto store', async () => {
		const p = platform();
		await createStorageKey(p, ana);
		(await openRaw(p.indexedDB, CRYPTO_DB, 'core')).close();
		await wipeBrowserData({ indexedDB: p.indexedDB, storages: [] });
		expect(await p.indexedDB.databases()).toEqual([]);
		expect(await loadStorageKey(p, ana)).toEqual({ ok: false, error: 'missing' });
	});
});

describe('storeAccessFor', () => {
	it('opens a keyed store with its key', async () => {
		const p = platform();
		const made = await createStorageKey(p, ana);
		expect(await storeAccessFor(p, ana)).toEqual({ kind: 'keyed', key: made.ok ? made.value : undefined });
	});

	it('starts a device with nothing stored keyed, and keeps that key', async () => {
		const p = platform();
		const access = await storeAccessFor(p, ana);
		expect(access.kind).toBe('keyed');
		expect(await storeAccessFor(p, ana)).toEqual(access);
	});

	it('never puts a new key over a store made without one: it is unprotected, and stays so', async () => {
		const p = platform();
		(await openRaw(p.indexedDB, CRYPTO_DB, 'core')).close();
		expect(await storeAccessFor(p, ana)).toEqual({ kind: 'unprotected' });
		expect(await loadStorageKey(p, ana)).toEqual({ ok: false, error: 'missing' });
		expect((await p.indexedDB.databases()).map((db) => db.name)).toEqual([CRYPTO_DB]);
	});

	it('never opens a keyed store without its key: a store with a meta database and no key record is unreadable', async () => {
		const p = platform();
		(await openRaw(p.indexedDB, CRYPTO_DB, 'core')).close();
		(await openRaw(p.indexedDB, CRYPTO_META_DB, 'matrix-sdk-crypto')).close();
		expect(await storeAccessFor(p, ana)).toEqual({ kind: 'key-unreadable' });
		expect(await loadStorageKey(p, ana)).toEqual({ ok: false, error: 'missing' });
	});

	it('refuses a key record that does not unwrap', async () => {
		const p = platform();
		await putRaw(p.indexedDB, JSON.stringify([ana.userId, ana.deviceId]), { wrappingKey: 1, iv: 2, wrapped: 3 });
		expect(await storeAccessFor(p, ana)).toEqual({ kind: 'key-unreadable' });
	});
});
