import { describe, expect, it } from 'vitest';
import { leaveTab, takeLeftReason, type TabPlatform } from './leave-tab.ts';

function tab(): TabPlatform & { readonly replaced: string[]; readonly items: Map<string, string> } {
	const items = new Map<string, string>();
	const replaced: string[] = [];
	return {
		items,
		replaced,
		storage: {
			getItem: (key) => items.get(key) ?? null,
			setItem: (key, value) => void items.set(key, value),
			removeItem: (key) => void items.delete(key),
		},
		replace: (href) => void replaced.push(href),
	};
}

describe('leaving a tab signed out by another', () => {
	it('loads the page afresh and tells it why, once', () => {
		const t = tab();
		leaveTab('/es/sign-in', 'other-tab', t);
		expect(t.replaced).toEqual(['/es/sign-in']);
		expect(takeLeftReason(t)).toBe('other-tab');
		expect(takeLeftReason(t)).toBeUndefined();
		expect(t.items.size).toBe(0);
	});

	it('leaves even where sessionStorage is refused, without a reason', () => {
		const t = tab();
		const refusing: TabPlatform = {
			replace: t.replace,
			storage: {
				getItem: () => {
					throw new Error('SecurityError');
				},
				setItem: () => {
					throw new Error('SecurityError');
				},
				removeItem: () => {},
			},
		};
		leaveTab('/fr/sign-in', 'other-tab', refusing);
		expect(t.replaced).toEqual(['/fr/sign-in']);
		expect(takeLeftReason(refusing)).toBeUndefined();
	});

	it('takes no reason it does not know (a value written by something else)', () => {
		const t = tab();
		t.items.set('rogatory.left-tab', 'ended-elsewhere');
		expect(takeLeftReason(t)).toBeUndefined();
		expect(t.items.size).toBe(0);
	});
});
