// The page's one Session, made on first use in the browser and kept across
// client-side navigation (sign-in → keys → home keep the same Matrix client).
// Never made on the server: a module-level session there would be shared by
// every request.
import { browser } from '$app/env';
import { browserData, wipeBrowserData } from './browser-data.ts';
import { serverSessionApi } from './server-session.ts';
import { Session } from './session.svelte.ts';

let current: Session | undefined;

export function currentSession(): Session {
	if (!browser) throw new Error('the session exists only in the browser');
	if (current === undefined) {
		const session = new Session({
			storage: globalThis.localStorage,
			browserData,
			wipe: wipeBrowserData,
			matrix: () => import('../matrix/api.ts'),
			storageKeys: { indexedDB: globalThis.indexedDB, crypto: globalThis.crypto },
			server: serverSessionApi(),
		});
		globalThis.addEventListener('storage', (event) => void session.onStorageChanged(event.key));
		current = session;
	}
	return current;
}
