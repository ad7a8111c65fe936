import { describe, expect, it } from 'vitest';
import { ChangedIdentities, shownTrust } from './changed-identities.ts';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
	const items = new Map<string, string>();
	return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('shownTrust', () => {
	it('keeps warning of a remembered change the crypto no longer reports, and nothing else', () => {
		expect(shownTrust('unverified', true)).toBe('changed');
		expect(shownTrust('unverified', false)).toBe('unverified');
		expect(shownTrust('verified', true)).toBe('verified');
		expect(shownTrust('changed', false)).toBe('changed');
	});
});

describe('ChangedIdentities', () => {
	it('remembers a person across pages of the same signed-in user until settled', () => {
		const storage = memoryStorage();
		new ChangedIdentities(storage, '@me:a').remember('@bob:b');
		expect(new ChangedIdentities(storage, '@me:a').has('@bob:b')).toBe(true);
		expect(new ChangedIdentities(storage, '@other:a').has('@bob:b')).toBe(false);
		new ChangedIdentities(storage, '@me:a').settle('@bob:b');
		expect(new ChangedIdentities(storage, '@me:a').has('@bob:b')).toBe(false);
	});

	it('reads a damaged entry as empty', () => {
		const storage = memoryStorage();
		storage.setItem('rogatory.changed-identities.@me:a', '{not json');
		expect(new ChangedIdentities(storage, '@me:a').has('@bob:b')).toBe(false);
	});
});
