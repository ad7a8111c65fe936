import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { pendingAttachments } from './pending-store.ts';

describe('the pending attachments store', () => {
	it('keeps a ciphertext under its transaction ID until it is deleted', async () => {
		const store = pendingAttachments(new IDBFactory());
		const bytes = new Uint8Array([1, 2, 3, 250]);
		await store.put('rog-1', bytes);
		expect(await store.get('rog-1')).toEqual(bytes);
		expect(await store.get('rog-2')).toBeUndefined();
		await store.delete('rog-1');
		expect(await store.get('rog-1')).toBeUndefined();
	});

	it('answers "not here" for a value it did not write (another version, a tampered store)', async () => {
		const factory = new IDBFactory();
		const store = pendingAttachments(factory);
		await store.put('rog-1', new Uint8Array([1]));
		const db = await new Promise<IDBDatabase>((resolve) => {
			const request = factory.open('rogatory-pending-attachments', 1);
			request.onsuccess = () => resolve(request.result);
		});
		await new Promise((resolve) => {
			const transaction = db.transaction('ciphertexts', 'readwrite');
			transaction.objectStore('ciphertexts').put('not bytes', 'rog-1');
			transaction.oncomplete = resolve;
		});
		db.close();
		expect(await store.get('rog-1')).toBeUndefined();
	});
});
