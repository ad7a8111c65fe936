// The secret-storage ("4S") key, held in memory only while a flow needs it:
// key setup (the new recovery key) and recovery (the key the person typed).
// matrix-js-sdk asks for it through the crypto callbacks it was created with;
// those callbacks read this cache, and the flow empties it when done.
import type { CryptoCallbacks } from './sdk.ts';

export class SecretStorageKeyCache {
	readonly #keys = new Map<string, Uint8Array<ArrayBuffer>>();

	/** For createClient({ cryptoCallbacks }). */
	readonly callbacks: CryptoCallbacks = {
		getSecretStorageKey: ({ keys }) => {
			for (const keyId of Object.keys(keys)) {
				const key = this.#keys.get(keyId);
				if (key !== undefined) return Promise.resolve([keyId, key]);
			}
			return Promise.resolve(null);
		},
		cacheSecretStorageKey: (keyId, _info, key) => this.remember(keyId, key),
	};

	remember(keyId: string, key: Uint8Array<ArrayBuffer>): void {
		this.#keys.set(keyId, key.slice());
	}

	get size(): number {
		return this.#keys.size;
	}

	/** Forgets every key, overwriting the bytes first. */
	forget(): void {
		for (const key of this.#keys.values()) key.fill(0);
		this.#keys.clear();
	}
}
