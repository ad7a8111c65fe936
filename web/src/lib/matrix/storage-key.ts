// The key that encrypts this browser's Rust crypto store (matrix-js-sdk's
// initRustCrypto({ storageKey })), kept the way Element keeps its pickle
// key: 32 random bytes, stored only encrypted (AES-GCM) under a WebCrypto
// key made non-extractable, in an IndexedDB database of its own. IndexedDB
// keeps the CryptoKey object itself (structured clone), so script can ask
// the browser to unwrap with it but can never read or export its bytes. The
// AES-GCM additional data binds each record to its user and device, so a
// record copied to another account's slot does not open. What it protects
// and what it does not: docs/decisions.md, "The crypto store is opened with
// a storage key". Both live in IndexedDB, so sign-out's wipe deletes them
// with the store.
import { err, ok, type Result } from '#policies/result.ts';

export const STORAGE_KEY_DB = 'rogatory-storage-key';
const STORE = 'keys';
const KEY_BYTES = 32;

export interface StorageKeyPlatform {
	readonly indexedDB: IDBFactory;
	readonly crypto: Crypto;
}

export interface DeviceOwner {
	readonly userId: string;
	readonly deviceId: string;
}

/** What IndexedDB holds for one device: the wrapped key and what unwraps it. */
interface StoredKey {
	readonly wrappingKey: CryptoKey;
	readonly iv: Uint8Array<ArrayBuffer>;
	readonly wrapped: ArrayBuffer;
}

export type StorageKeyProblem =
	/** No key for this device: its store was made before storage keys, or never. */
	| 'missing'
	/** A record is there but does not unwrap (damaged, or not this device's). */
	| 'unreadable'
	/** IndexedDB or WebCrypto refused (private windows, storage full…). */
	| 'unavailable';

const slot = (owner: DeviceOwner): string => JSON.stringify([owner.userId, owner.deviceId]);
const binding = (owner: DeviceOwner): Uint8Array<ArrayBuffer> => new TextEncoder().encode(slot(owner));

function request<T>(make: () => IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		const req = make();
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
	});
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = factory.open(STORAGE_KEY_DB, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
		// Another tab is deleting it (signing out); this one will be signed out too.
		req.onblocked = () => reject(new Error('IndexedDB open blocked'));
	});
}

async function withStore<T>(factory: IDBFactory, mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	const db = await openDatabase(factory);
	try {
		const done = request(() => use(db.transaction(STORE, mode).objectStore(STORE)));
		return await done;
	} finally {
		db.close();
	}
}

function isStoredKey(value: unknown): value is StoredKey {
	if (typeof value !== 'object' || value === null) return false;
	const { wrappingKey, iv, wrapped } = value as Record<string, unknown>;
	return typeof CryptoKey !== 'undefined' && wrappingKey instanceof CryptoKey && iv instanceof Uint8Array && wrapped instanceof ArrayBuffer;
}

/** Makes and stores a new key for this device (replacing any), and returns its bytes for the SDK. */
export async function createStorageKey(platform: StorageKeyPlatform, owner: DeviceOwner): Promise<Result<Uint8Array, 'unavailable'>> {
	try {
		const { crypto } = platform;
		const key = crypto.getRandomValues(new Uint8Array(KEY_BYTES));
		// NOTE: extractable false — the point of the scheme: the wrapping key's bytes never reach script.
		const wrappingKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
		const iv = crypto.getRandomValues(new Uint8Array(12));
		const wrapped = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: binding(owner) }, wrappingKey, key);
		const record: StoredKey = { wrappingKey, iv, wrapped };
		await withStore(platform.indexedDB, 'readwrite', (store) => store.put(record, slot(owner)));
		return ok(key);
	} catch {
		return err('unavailable');
	}
}

/** The key of this device's store, unwrapped in this browser. */
export async function loadStorageKey(platform: StorageKeyPlatform, owner: DeviceOwner): Promise<Result<Uint8Array, StorageKeyProblem>> {
	let record: unknown;
	try {
		// Looking must not make the database (opening one that is not there creates it).
		const databases = await platform.indexedDB.databases();
		if (!databases.some((db) => db.name === STORAGE_KEY_DB)) return err('missing');
		record = await withStore(platform.indexedDB, 'readonly', (store) => store.get(slot(owner)));
	} catch {
		return err('unavailable');
	}
	if (record === undefined) return err('missing');
	if (!isStoredKey(record)) return err('unreadable');
	try {
		const key = await platform.crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv: record.iv, additionalData: binding(owner) },
			record.wrappingKey,
			record.wrapped,
		);
		return key.byteLength === KEY_BYTES ? ok(new Uint8Array(key)) : err('unreadable');
	} catch {
		return err('unreadable');
	}
}
