// Where the SDK keeps its sync state between visits: an IndexedDB database
// of the origin (matrix-js-sdk's IndexedDBStore), so a reload resumes from
// the last sync token instead of asking the homeserver for the initial sync
// again, and the dashboard has its rooms before the first answer arrives.
// What it holds, and why that is acceptable without the storage key that
// protects the crypto store: docs/decisions.md, "The sync state is kept in
// the browser". Deleted with the session: the sign-out wipe deletes every
// IndexedDB database of the origin (session/browser-data.ts), and
// closeAndClear the client's stores.
import { IndexedDBStore, MemoryStore } from './sdk.ts';

/** The store's database is "matrix-js-sdk:" followed by this. */
export const SYNC_DB_NAME = 'rogatory-sync';

/**
 * The store for a client about to start: IndexedDB where the browser gives
 * it, else memory (a private window, storage refused) — the app then works
 * as before, repeating the initial sync on each load.
 */
export async function openSyncStore(
	platform: { readonly indexedDB?: IDBFactory; readonly localStorage?: Storage } = globalThis,
): Promise<MemoryStore> {
	// NOTE: localStorage holds only the IDs of the sync filters the SDK uploaded (one round trip less per load).
	const localStorage = platform.localStorage;
	if (platform.indexedDB === undefined) return new MemoryStore(localStorage === undefined ? {} : { localStorage });
	const store = new IndexedDBStore({
		indexedDB: platform.indexedDB,
		dbName: SYNC_DB_NAME,
		...(localStorage === undefined ? {} : { localStorage }),
	});
	try {
		await store.startup();
		return store;
	} catch {
		return new MemoryStore(localStorage === undefined ? {} : { localStorage });
	}
}
