import { describe, expect, it } from 'vitest';
import type { Credentials } from './login.ts';
import type { UserId } from '#policies/cases/index.ts';
import { forgetSession, loadSession, parseStoredSession, saveSession, SESSION_KEY, type KeyValueStore } from './stored-session.ts';

function memoryStore(): KeyValueStore & { readonly map: Map<string, string> } {
	const map = new Map<string, string>();
	return {
		map,
		getItem: (key) => map.get(key) ?? null,
		setItem: (key, value) => void map.set(key, value),
		removeItem: (key) => void map.delete(key),
	};
}

const credentials: Credentials = {
	homeserverUrl: 'http://127.0.20.1:28008',
	userId: '@ana.lopez:127.0.20.1:28448' as UserId,
	deviceId: 'ABCDEFGHIJ',
	accessToken: 'syt_secret',
};

describe('stored session', () => {
	it('reads back what it saved, and nothing once forgotten', () => {
		const store = memoryStore();
		expect(loadSession(store)).toEqual({ ok: false, error: 'none' });
		saveSession(store, credentials);
		expect(loadSession(store)).toEqual({ ok: true, value: credentials });
		forgetSession(store);
		expect(store.map.size).toBe(0);
	});

	it('reaches the homeserver through the app, even for a session stored with the homeserver’s own address', () => {
		const store = memoryStore();
		saveSession(store, credentials);
		expect(loadSession(store, 'http://127.0.0.1:8080')).toEqual({
			ok: true,
			value: { ...credentials, homeserverUrl: 'http://127.0.0.1:8080/matrix/127.0.20.1:28448' },
		});
	});

	it.each([
		['not json', '{'],
		['another version', JSON.stringify({ ...credentials, version: 2 })],
		['no token', JSON.stringify({ ...credentials, version: 1, accessToken: '' })],
		['a bad user ID', JSON.stringify({ ...credentials, version: 1, userId: 'ana' })],
		['a bad URL', JSON.stringify({ ...credentials, version: 1, homeserverUrl: 'nope' })],
		['not an object', '42'],
	])('reads %s as unreadable', (_what, text) => {
		const store = memoryStore();
		store.setItem(SESSION_KEY, text);
		expect(parseStoredSession(store.getItem(SESSION_KEY))).toEqual({ ok: false, error: 'unreadable' });
	});
});
