import { describe, expect, it } from 'vitest';
import { SecretStorageKeyCache } from './secret-storage-key-cache.ts';
import type { SecretStorageKeyDescription } from './sdk.ts';

const info = {} as SecretStorageKeyDescription;

describe('SecretStorageKeyCache', () => {
	it('answers the SDK with a key it holds, and nothing once forgotten', async () => {
		const cache = new SecretStorageKeyCache();
		const ask = () => cache.callbacks.getSecretStorageKey?.({ keys: { other: info, mine: info } }, 'm.cross_signing.master');
		expect(await ask()).toBeNull();
		cache.callbacks.cacheSecretStorageKey?.('mine', info, new Uint8Array([1, 2, 3]));
		expect(await ask()).toEqual(['mine', new Uint8Array([1, 2, 3])]);
		cache.forget();
		expect(cache.size).toBe(0);
		expect(await ask()).toBeNull();
	});

	it('keeps its own copy and wipes it', () => {
		const cache = new SecretStorageKeyCache();
		const key = new Uint8Array([9, 9]);
		cache.remember('k', key);
		key.fill(0);
		let held: Uint8Array | undefined;
		void cache.callbacks.getSecretStorageKey?.({ keys: { k: info } }, 'x').then((answer) => (held = answer?.[1]));
		return Promise.resolve().then(() => {
			expect(held).toEqual(new Uint8Array([9, 9]));
			cache.forget();
			expect(held).toEqual(new Uint8Array([0, 0]));
		});
	});
});
