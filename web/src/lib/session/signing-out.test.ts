import { describe, expect, it } from 'vitest';
import { SESSION_KEY } from '../matrix/stored-session.ts';
import { clearSigningOut, markSigningOut, signedOutByAnotherTab, SIGNING_OUT_KEY, type Clock } from './signing-out.ts';

const store = (entries: Record<string, string> = {}) => {
	const map = new Map(Object.entries(entries));
	return {
		map,
		getItem: (key: string) => map.get(key) ?? null,
		setItem: (key: string, value: string) => void map.set(key, value),
		removeItem: (key: string) => void map.delete(key),
	};
};

/** A clock whose sleeps advance it, running `during` at each step (the other tab's work). */
const clock = (start: number, during: (elapsed: number) => void = () => undefined): Clock => {
	let now = start;
	return {
		now: () => now,
		sleep: (ms) => {
			now += ms;
			during(now - start);
			return Promise.resolve();
		},
	};
};

describe('did another tab sign out?', () => {
	it('yes, when the session is already gone from storage', async () => {
		expect(await signedOutByAnotherTab(store(), clock(1_000))).toBe(true);
	});

	it('no, when the session is still there and no tab is signing out (another device ended it)', async () => {
		expect(await signedOutByAnotherTab(store({ [SESSION_KEY]: '{}' }), clock(1_000))).toBe(false);
	});

	it('yes, when a tab is signing out and forgets the session while this one waits', async () => {
		const tabs = store({ [SESSION_KEY]: '{}' });
		await markSigningOut(tabs, clock(1_000));
		const waited = clock(1_500, (elapsed) => {
			if (elapsed >= 700) tabs.removeItem(SESSION_KEY);
		});
		expect(await signedOutByAnotherTab(tabs, waited)).toBe(true);
	});

	it('no, when the signing-out tab gave up (its mark removed, the session kept)', async () => {
		const tabs = store({ [SESSION_KEY]: '{}' });
		await markSigningOut(tabs, clock(1_000));
		const waited = clock(1_200, (elapsed) => {
			if (elapsed >= 300) clearSigningOut(tabs);
		});
		expect(await signedOutByAnotherTab(tabs, waited)).toBe(false);
		expect(tabs.map.has(SESSION_KEY)).toBe(true);
	});

	it('no, after waiting, when the signing-out tab never forgets the session', async () => {
		const tabs = store({ [SESSION_KEY]: '{}' });
		await markSigningOut(tabs, clock(1_000));
		expect(await signedOutByAnotherTab(tabs, clock(1_000))).toBe(false);
	});

	it('no, when the mark is stale (a tab died mid-way), from the future, or not a time', async () => {
		for (const mark of ['1000', '999999999', 'soon', '']) {
			const tabs = store({ [SESSION_KEY]: '{}', [SIGNING_OUT_KEY]: mark });
			expect(await signedOutByAnotherTab(tabs, clock(120_000))).toBe(false);
		}
	});
});
