// Looks inside a page's IndexedDB from the test, to prove what is and is not
// stored in the clear: the names of the origin's databases, whether a text
// appears anywhere in a database (keys and values, strings and bytes read as
// UTF-8), and what the storage-key record holds.
import type { Page } from '@playwright/test';

export function databaseNames(page: Page): Promise<string[]> {
	return page.evaluate(async () => (await indexedDB.databases()).flatMap((db) => (db.name === undefined ? [] : [db.name])).sort());
}

/** Whether any key or value of an object store of `database` (but those `skipped`) contains `text` in the clear. */
export function databaseContains(page: Page, database: string, text: string, skipped: readonly string[] = []): Promise<boolean> {
	return page.evaluate(
		async ({ name, needle, skip }) => {
			const decoder = new TextDecoder('utf-8', { fatal: false });
			const textOf = (value: unknown, depth = 0): string => {
				if (depth > 8 || value === null || value === undefined) return '';
				if (typeof value === 'string') return value;
				if (typeof value === 'number' || typeof value === 'boolean') return String(value);
				if (value instanceof ArrayBuffer) return decoder.decode(new Uint8Array(value));
				if (ArrayBuffer.isView(value)) return decoder.decode(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
				if (Array.isArray(value)) return value.map((item) => textOf(item, depth + 1)).join('\n');
				if (typeof value === 'object')
					return Object.entries(value as Record<string, unknown>)
						.map(([key, item]) => `${key}=${textOf(item, depth + 1)}`)
						.join('\n');
				return '';
			};
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open(name);
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error ?? new Error('open failed'));
			});
			try {
				for (const store of [...db.objectStoreNames].filter((store) => !skip.includes(store))) {
					const found = await new Promise<boolean>((resolve, reject) => {
						const cursor = db.transaction(store).objectStore(store).openCursor();
						cursor.onerror = () => reject(cursor.error ?? new Error('cursor failed'));
						cursor.onsuccess = () => {
							const at = cursor.result;
							if (at === null) return resolve(false);
							if (textOf(at.key).includes(needle) || textOf(at.value).includes(needle)) return resolve(true);
							at.continue();
						};
					});
					if (found) return true;
				}
				return false;
			} finally {
				db.close();
			}
		},
		{ name: database, needle: text, skip: [...skipped] },
	);
}

/** The storage-key records: whether each holds a non-extractable CryptoKey that refuses to be exported. */
export function storageKeyRecords(
	page: Page,
): Promise<{ readonly cryptoKey: boolean; readonly extractable: boolean; readonly exportRefused: boolean }[]> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('rogatory-storage-key');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error ?? new Error('open failed'));
		});
		try {
			const records = await new Promise<unknown[]>((resolve, reject) => {
				const all = db.transaction('keys').objectStore('keys').getAll();
				all.onsuccess = () => resolve(all.result);
				all.onerror = () => reject(all.error ?? new Error('getAll failed'));
			});
			return Promise.all(
				records.map(async (record) => {
					const key = (record as { wrappingKey?: unknown }).wrappingKey;
					if (!(key instanceof CryptoKey)) return { cryptoKey: false, extractable: false, exportRefused: false };
					const exportRefused = await crypto.subtle.exportKey('raw', key).then(
						() => false,
						() => true,
					);
					return { cryptoKey: true, extractable: key.extractable, exportRefused };
				}),
			);
		} finally {
			db.close();
		}
	});
}

/**
 * Puts the page on an empty page of the app's origin (served by the test
 * itself), where no app code runs: to change the origin's storage without
 * the app holding it open or reacting meanwhile.
 */
export async function blankPageOf(page: Page, origin: string): Promise<void> {
	const url = `${origin}/__test-blank`;
	await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }));
	await page.goto(url);
	await page.unroute(url);
}

export function deleteDatabase(page: Page, name: string): Promise<void> {
	return page.evaluate(
		(database) =>
			new Promise<void>((resolve, reject) => {
				const deleting = indexedDB.deleteDatabase(database);
				deleting.onsuccess = () => resolve();
				deleting.onerror = () => reject(deleting.error ?? new Error('delete failed'));
				deleting.onblocked = () => reject(new Error(`${database} is held open`));
			}),
		name,
	);
}
