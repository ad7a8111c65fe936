import { describe, expect, it } from 'vitest';
import { noticeMemory } from './notice-memory.ts';

function fakeStorage(items: Record<string, string> = {}): Storage {
	const map = new Map(Object.entries(items));
	return {
		getItem: (key) => map.get(key) ?? null,
		setItem: (key, value) => void map.set(key, value),
		removeItem: (key) => void map.delete(key),
		clear: () => map.clear(),
		key: () => null,
		get length() {
			return map.size;
		},
	};
}

describe('what the notification centre keeps in this browser', () => {
	it('keeps the last look at each case and the categories turned off, per key', () => {
		const storage = fakeStorage();
		noticeMemory('k', storage).markSeen('!a', 10);
		noticeMemory('k', storage).markSeen('!a', 5);
		noticeMemory('k', storage).setCategory('reminder', false);
		expect(noticeMemory('k', storage).read()).toEqual({ seen: { '!a': 10 }, off: ['reminder'] });
		expect(noticeMemory('k', storage).setCategory('reminder', true).off).toEqual([]);
		expect(noticeMemory('other', storage).read()).toEqual({ seen: {}, off: [] });
	});

	it('reads a broken record as an empty one, and drops what does not read', () => {
		for (const kept of ['{', '[]', '"x"', 'null'])
			expect(noticeMemory('k', fakeStorage({ k: kept })).read()).toEqual({ seen: {}, off: [] });
		const odd = JSON.stringify({ seen: { '!a': 'soon', '!b': 3 }, off: ['reminder', 'everything'] });
		expect(noticeMemory('k', fakeStorage({ k: odd })).read()).toEqual({ seen: { '!b': 3 }, off: ['reminder'] });
	});

	it('forgets the oldest looks beyond its bound, and survives storage that refuses writes', () => {
		const storage = fakeStorage();
		const memory = noticeMemory('k', storage, 5);
		for (let i = 0; i <= 5; i++) memory.markSeen(`!r${i}`, i + 1);
		const seen = memory.read().seen;
		expect(Object.keys(seen).sort()).toEqual(['!r1', '!r2', '!r3', '!r4', '!r5']);
		expect(seen['!r0']).toBeUndefined();
		const full = {
			...fakeStorage(),
			setItem: () => {
				throw new Error('QuotaExceededError');
			},
		} as Storage;
		expect(() => noticeMemory('k', full).markSeen('!a', 1)).not.toThrow();
	});

	it('shows request titles in notifications only once turned on for this device, and reads nothing else as on', () => {
		const storage = fakeStorage();
		const memory = noticeMemory('k', storage);
		expect(memory.read().details).toBeUndefined();
		memory.markSeen('!a', 1);
		expect(memory.setDetails(true)).toEqual({ seen: { '!a': 1 }, off: [], details: true });
		expect(noticeMemory('k', storage).read().details).toBe(true);
		expect(memory.setDetails(false)).toEqual({ seen: { '!a': 1 }, off: [] });
		for (const odd of ['"yes"', '1', '{}'])
			expect(noticeMemory('k', fakeStorage({ k: `{"seen":{},"off":[],"details":${odd}}` })).read().details).toBeUndefined();
	});
});
