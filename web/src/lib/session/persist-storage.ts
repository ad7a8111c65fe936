// Asks the browser to keep this site's storage (navigator.storage.persist()):
// without it the browser may clear the crypto store when space runs short, and
// with it this device's keys. Asked at key setup, from the person's click
// (Firefox prompts only then); a refusal is said on the page, since only the
// recovery key then brings the keys back.

/** The parts of `StorageManager` used here. */
export type PersistentStorage = Pick<StorageManager, 'persist' | 'persisted'>;

export type StorageKept = 'kept' | 'refused' | 'unsupported';

export async function keepStorage(storage: PersistentStorage | undefined): Promise<StorageKept> {
	if (storage === undefined || typeof storage.persist !== 'function') return 'unsupported';
	try {
		if (await storage.persisted()) return 'kept';
		return (await storage.persist()) ? 'kept' : 'refused';
	} catch {
		return 'refused';
	}
}

/** This browser's storage manager, where there is one. */
export function browserStorage(): PersistentStorage | undefined {
	return typeof navigator === 'undefined' ? undefined : navigator.storage;
}
