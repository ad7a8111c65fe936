import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { decodeSnapshot, dumpDatabases, encodeSnapshot, restoreDatabases } from './idb-snapshot.ts';

function run<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('request failed'));
	});
}

async function seed(factory: IDBFactory): Promise<void> {
	const open = factory.open('crypto', 7);
	open.onupgradeneeded = () => {
		const db = open.result;
		const sessions = db.createObjectStore('sessions', { keyPath: ['room', 'id'] });
		sessions.createIndex('by_room', 'room', { unique: false });
		db.createObjectStore('core');
		db.createObjectStore('log', { autoIncrement: true });
	};
	const db = await run(open);
	const tx = db.transaction(['sessions', 'core', 'log'], 'readwrite');
	tx.objectStore('sessions').put({ room: '!a', id: 's1', pickle: new Uint8Array([1, 2, 3]), at: new Date(5) });
	tx.objectStore('sessions').put({ room: '!b', id: 's2', pickle: new Uint8Array([4]), tags: new Map([['k', 1]]) });
	tx.objectStore('core').put(new Uint8Array([9, 9]), 'account');
	tx.objectStore('core').put('x', new Uint8Array([7]).buffer);
	tx.objectStore('log').put('first');
	tx.objectStore('log').put('second');
	await new Promise((resolve) => (tx.oncomplete = resolve));
	db.close();
}

describe('IndexedDB snapshot', () => {
	it('restores every database, store, index, key and structured-clone value', async () => {
		const before = new IDBFactory();
		await seed(before);
		const bytes = encodeSnapshot(await dumpDatabases(before), { pending: ['e1'] });

		const decoded = decodeSnapshot<{ pending: string[] }>(bytes);
		if (!decoded.ok) throw new Error(decoded.error);
		expect(decoded.value.extra).toEqual({ pending: ['e1'] });
		const after = new IDBFactory();
		await restoreDatabases(after, decoded.value.databases);

		expect(await dumpDatabases(after)).toEqual(await dumpDatabases(before));
		const db = await run(after.open('crypto'));
		expect(db.version).toBe(7);
		const tx = db.transaction(['sessions', 'log'], 'readwrite');
		const byRoom = await run(tx.objectStore('sessions').index('by_room').getAll('!b'));
		expect(byRoom[0]).toMatchObject({ id: 's2', pickle: new Uint8Array([4]), tags: new Map([['k', 1]]) });
		// The key generator goes on after the restored keys.
		expect(await run(tx.objectStore('log').put('third'))).toBe(3);
		db.close();
	});

	it('refuses to restore over an existing database', async () => {
		const factory = new IDBFactory();
		await seed(factory);
		await expect(restoreDatabases(factory, await dumpDatabases(factory))).rejects.toThrow(/exists already/);
	});

	it('refuses bytes that are not a snapshot', () => {
		expect(decodeSnapshot(new Uint8Array([1, 2, 3])).ok).toBe(false);
	});
});
