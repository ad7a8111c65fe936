// The web server's one session store, opened (and migrated) on first use and
// kept for the life of the process. When it cannot be opened the app still
// serves its pages; nobody gets a server session, and the log says why once.
import { ROGATORY_FEDERATION, ROGATORY_WEB_DATA } from '$app/env/private';
import { sessionDatabasePath } from './location.ts';
import { SqliteSessionStore, type SessionStore } from './store.ts';

let opened: SessionStore | null | undefined;

export function sessionStore(): SessionStore | undefined {
	if (opened !== undefined) return opened ?? undefined;
	const path = sessionDatabasePath(ROGATORY_WEB_DATA, ROGATORY_FEDERATION);
	if (path === undefined) {
		console.error('rogatory web: neither ROGATORY_WEB_DATA nor ROGATORY_FEDERATION is set; server sessions are off.');
		opened = null;
		return undefined;
	}
	const store = SqliteSessionStore.open(path);
	if (!store.ok) {
		console.error(`rogatory web: ${store.error}; server sessions are off.`);
		opened = null;
		return undefined;
	}
	opened = store.value;
	return opened;
}
