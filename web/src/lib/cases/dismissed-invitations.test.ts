import { describe, expect, it } from 'vitest';
import { DismissedInvitations, type DismissedStorage } from './dismissed-invitations.ts';

function memoryStorage(): DismissedStorage & { readonly items: Map<string, string> } {
	const items = new Map<string, string>();
	return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('dismissed invitations', () => {
	it('are remembered across reloads, per key', () => {
		const storage = memoryStorage();
		new DismissedInvitations('k', storage).add('!a:x');
		expect(new DismissedInvitations('k', storage).has('!a:x')).toBe(true);
		expect(new DismissedInvitations('other', storage).has('!a:x')).toBe(false);
	});

	it('survive unreadable or missing storage', () => {
		const storage = memoryStorage();
		storage.items.set('k', '{not json');
		const dismissed = new DismissedInvitations('k', storage);
		expect(dismissed.has('!a:x')).toBe(false);
		dismissed.add('!a:x');
		expect(dismissed.has('!a:x')).toBe(true);
		const full: DismissedStorage = {
			getItem: () => null,
			setItem: () => {
				throw new Error('QuotaExceededError');
			},
		};
		const kept = new DismissedInvitations('k', full);
		kept.add('!b:x');
		expect(kept.has('!b:x')).toBe(true);
		expect(new DismissedInvitations('k', undefined).has('!b:x')).toBe(false);
	});
});
