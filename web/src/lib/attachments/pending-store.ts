// The ciphertexts of attachments queued while offline, kept in this browser's
// IndexedDB (too large for Web Storage) under their message's transaction ID
// until the homeserver has them. Encrypted before they are stored; the key
// travels in the queued message, which stays in this browser too, and both go
// at sign-out with everything else the app keeps (session/browser-data.ts).

const DATABASE = 'rogatory-pending-attachments';
const STORE = 'ciphertexts';

function open(factory: IDBFactory): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = factory.open(DATABASE, 1);
		request.onupgradeneeded = () => request.result.createObjectStore(STORE);
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error(`could not open ${DATABASE}`));
	});
}

async function run<T>(factory: IDBFactory, mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest): Promise<T> {
	const db = await open(factory);
	try {
		return await new Promise<T>((resolve, reject) => {
			const transaction = db.transaction(STORE, mode);
			const request = act(transaction.objectStore(STORE));
			transaction.oncomplete = () => resolve(request.result as T);
			transaction.onerror = () => reject(transaction.error ?? new Error(`${DATABASE}: ${mode} failed`));
			transaction.onabort = () => reject(transaction.error ?? new Error(`${DATABASE}: ${mode} aborted`));
		});
	} finally {
		db.close();
	}
}

export interface PendingAttachments {
	put(txnId: string, ciphertext: Uint8Array): Promise<void>;
	/** The stored ciphertext, or undefined when this browser no longer has it. */
	get(txnId: string): Promise<Uint8Array | undefined>;
	delete(txnId: string): Promise<void>;
}

export function pendingAttachments(factory: IDBFactory = globalThis.indexedDB): PendingAttachments {
	return {
		put: (txnId, ciphertext) => run(factory, 'readwrite', (store) => store.put(ciphertext, txnId)),
		get: async (txnId) => {
			const value = await run<unknown>(factory, 'readonly', (store) => store.get(txnId));
			return value instanceof Uint8Array ? value : undefined;
		},
		delete: (txnId) => run(factory, 'readwrite', (store) => store.delete(txnId)),
	};
}
