// The browser's memory of who is signed in: homeserver, user, device and
// access token, in Web Storage under one key, so a reload resumes the same
// device (its keys live in the crypto store in IndexedDB). What is read back
// is checked, never trusted: a damaged entry reads as "signed out".
import { err, ok, type Result } from '#policies/result.ts';
import type { Credentials } from './login.ts';
import { clientUrlForUser } from '../homeserver/same-origin.ts';
import { parseUserIdInput } from './matrix-id.ts';

/** The part of Web Storage this needs (localStorage in the browser, a Map in tests). */
export interface KeyValueStore {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

export const SESSION_KEY = 'rogatory.session';
/** The Rust crypto store's IndexedDB name prefix (it adds "::matrix-sdk-crypto" and "::matrix-sdk-crypto-meta"). */
export const CRYPTO_DB_PREFIX = 'rogatory';
const VERSION = 1;

export function saveSession(store: KeyValueStore, credentials: Credentials): void {
	store.setItem(SESSION_KEY, JSON.stringify({ version: VERSION, ...credentials }));
}

export function forgetSession(store: KeyValueStore): void {
	store.removeItem(SESSION_KEY);
}

/** Why nothing usable was stored: nothing at all, or something this version cannot read. */
export type StoredSessionProblem = 'none' | 'unreadable';

export function parseStoredSession(text: string | null): Result<Credentials, StoredSessionProblem> {
	if (text === null) return err('none');
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return err('unreadable');
	}
	if (typeof raw !== 'object' || raw === null) return err('unreadable');
	const { version, homeserverUrl, userId, deviceId, accessToken } = raw as Record<string, unknown>;
	if (version !== VERSION) return err('unreadable');
	if (typeof homeserverUrl !== 'string' || URL.parse(homeserverUrl) === null) return err('unreadable');
	if (typeof deviceId !== 'string' || deviceId === '' || typeof accessToken !== 'string' || accessToken === '') return err('unreadable');
	const user = parseUserIdInput(typeof userId === 'string' && userId.startsWith('@') ? userId : '');
	if (!user.ok) return err('unreadable');
	return ok({ homeserverUrl, userId: user.value.userId, deviceId, accessToken });
}

/**
 * The stored session, its homeserver reached through the app at `origin`
 * (the app's own origin in the browser; homeserver/same-origin.ts). NOTE: a
 * session stored before the same-origin proxy names the homeserver's own
 * address, which the page's policy no longer lets it reach: the address is
 * always the one of the user's own server, through the app.
 */
export function loadSession(
	store: KeyValueStore,
	origin: string | undefined = globalThis.location?.origin,
): Result<Credentials, StoredSessionProblem> {
	const stored = parseStoredSession(store.getItem(SESSION_KEY));
	if (!stored.ok || origin === undefined) return stored;
	const homeserverUrl = clientUrlForUser(stored.value.userId, origin);
	return homeserverUrl === undefined ? err('unreadable') : ok({ ...stored.value, homeserverUrl });
}
