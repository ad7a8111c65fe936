import { describe, expect, it } from 'vitest';
import { aliasMemory } from './alias-memory.ts';

function fakeStorage(initial: Record<string, string> = {}): Storage {
	const items = new Map(Object.entries(initial));
	return {
		get length() {
			return items.size;
		},
		clear: () => items.clear(),
		getItem: (key) => items.get(key) ?? null,
		key: (index) => [...items.keys()][index] ?? null,
		removeItem: (key) => void items.delete(key),
		setItem: (key, value) => void items.set(key, value),
	};
}

describe('aliasMemory', () => {
	it('remembers each alias’s room for one account, across instances', () => {
		const storage = fakeStorage();
		aliasMemory('k', storage).set('#rogatory-directory-refco:a', '!r1:a');
		aliasMemory('k', storage).set('#rogatory-directory-wacap:b', '!r2:b');
		const memory = aliasMemory('k', storage);
		expect(memory.get('#rogatory-directory-refco:a')).toBe('!r1:a');
		expect(memory.get('#rogatory-directory-wacap:b')).toBe('!r2:b');
		expect(aliasMemory('other', storage).get('#rogatory-directory-refco:a')).toBeUndefined();
	});

	it('forgets a broken record instead of throwing', () => {
		for (const kept of ['not json', 'null', '[1]', '{"#a:b": 3}']) {
			const memory = aliasMemory('k', fakeStorage({ k: kept }));
			expect(memory.get('#a:b')).toBeUndefined();
		}
	});

	it('works without storage, and when storage refuses to keep', () => {
		expect(aliasMemory('k', undefined).get('#a:b')).toBeUndefined();
		const full = {
			...fakeStorage(),
			setItem: () => {
				throw new Error('QuotaExceededError');
			},
		} as Storage;
		expect(() => aliasMemory('k', full).set('#a:b', '!r:b')).not.toThrow();
	});
});
