// Wiping what this app keeps in the browser: every IndexedDB database of the
// origin (the Rust crypto store and anything later features store) and Web
// Storage (the session). Done at sign-out, and before a fresh sign-in so no
// trace of an earlier account is left for the next one. Static assets in the
// HTTP cache (the crypto WASM among them) are not personal data and stay, so
// a slow link does not download them again; so do the service worker's
// copies of them, while the pages it kept are forgotten (offline/kept-pages.ts).
import { forgetKeptPages } from '../offline/kept-pages.ts';

export interface BrowserData {
	readonly indexedDB: IDBFactory;
	readonly storages: readonly Pick<Storage, 'clear'>[];
	/** The Cache API, where the service worker keeps the app (absent where there is none). */
	readonly caches?: Pick<CacheStorage, 'keys' | 'open'> | undefined;
}

function deleteDatabase(factory: IDBFactory, name: string, onBlocked: () => void): Promise<void> {
	return new Promise((resolve) => {
		const request = factory.deleteDatabase(name);
		request.onsuccess = () => resolve();
		// NOTE: a failed delete (Firefox private windows refuse all) leaves nothing we can do; go on.
		request.onerror = () => resolve();
		// Another tab still has it open; it closes its connection when it sees the session gone.
		request.onblocked = () => onBlocked();
	});
}

/** Deletes every IndexedDB database of this origin and clears Web Storage. `onBlocked`: another tab holds a database open. */
export async function wipeBrowserData(data: BrowserData, onBlocked: () => void = () => {}): Promise<void> {
	const databases = await data.indexedDB.databases();
	await Promise.all(databases.flatMap((db) => (db.name === undefined ? [] : [deleteDatabase(data.indexedDB, db.name, onBlocked)])));
	for (const storage of data.storages) storage.clear();
	// NOTE: a browser may refuse the Cache API (an insecure origin, a private window); the pages then were never kept.
	if (data.caches !== undefined) await forgetKeptPages(data.caches).catch(() => {});
}

export function browserData(): BrowserData {
	return { indexedDB: globalThis.indexedDB, storages: [globalThis.localStorage, globalThis.sessionStorage], caches: globalThis.caches };
}
