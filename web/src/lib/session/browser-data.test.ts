import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { wipeBrowserData } from './browser-data.ts';

function open(factory: IDBFactory, name: string): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = factory.open(name, 1);
		request.onupgradeneeded = () => request.result.createObjectStore('s');
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error('open failed'));
	});
}

describe('wipeBrowserData', () => {
	it('deletes every database and clears the storages', async () => {
		const factory = new IDBFactory();
		for (const name of ['rogatory::matrix-sdk-crypto', 'rogatory::matrix-sdk-crypto-meta', 'later-feature'])
			(await open(factory, name)).close();
		let cleared = 0;
		await wipeBrowserData({ indexedDB: factory, storages: [{ clear: () => void cleared++ }, { clear: () => void cleared++ }] });
		expect(await factory.databases()).toEqual([]);
		expect(cleared).toBe(2);
	});

	it('says when another connection blocks a delete, and finishes once it closes', async () => {
		const factory = new IDBFactory();
		const held = await open(factory, 'held');
		let blocked = 0;
		const wiping = wipeBrowserData({ indexedDB: factory, storages: [] }, () => {
			blocked++;
			held.close();
		});
		await wiping;
		expect(blocked).toBe(1);
		expect(await factory.databases()).toEqual([]);
	});
});
