import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { IndexedDBStore } from './sdk.ts';
import { openSyncStore, SYNC_DB_NAME } from './sync-store.ts';

describe('the sync state kept between visits', () => {
	it('lives in one IndexedDB database of the origin, which the sign-out wipe deletes with the others', async () => {
		const indexedDB = new IDBFactory();
		const store = await openSyncStore({ indexedDB });
		expect(store).toBeInstanceOf(IndexedDBStore);
		expect((await indexedDB.databases()).map((db) => db.name)).toEqual([`matrix-js-sdk:${SYNC_DB_NAME}`]);
		await store.deleteAllData();
	});

	it('falls back to memory where the browser has no IndexedDB, or refuses it', async () => {
		expect(await openSyncStore({})).not.toBeInstanceOf(IndexedDBStore);
		const refusing = {
			open: () => {
				throw new Error('SecurityError');
			},
		} as unknown as IDBFactory;
		expect(await openSyncStore({ indexedDB: refusing })).not.toBeInstanceOf(IndexedDBStore);
	});
});
