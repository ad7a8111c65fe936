import { describe, expect, it } from 'vitest';
import { demoRoster } from './testing/demo.ts';
import type { Roster } from './types.ts';
import { validateRoster } from './validate.ts';

const broken = (patch: (r: Roster) => Roster) => validateRoster(patch(structuredClone<Roster>(demoRoster)));

describe('validateRoster', () => {
	it('accepts the demo roster', () => {
		expect(validateRoster(demoRoster).ok).toBe(true);
	});

	it('names the broken key for each problem, all at once', () => {
		const result = broken((r) => ({
			...r,
			authorities: r.authorities.map((a, i) => (i === 1 ? { ...a, timeZone: 'Mars/Olympus', country: 'nga' as typeof a.country } : a)),
			people: [
				...r.people,
				{ localpart: 'Bad Name', displayName: 'x', authority: 'zz-none' as never, roles: ['prosecutor'], language: 'en' },
			],
		}));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.error).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^authorities\[1\]\.country: "nga"/),
				expect.stringMatching(/^authorities\[1\]\.timeZone: "Mars\/Olympus"/),
				expect.stringMatching(new RegExp(`^people\\[${demoRoster.people.length}\\]\\.localpart: "Bad Name"`)),
				expect.stringMatching(new RegExp(`^people\\[${demoRoster.people.length}\\]\\.authority: no authority "zz-none"`)),
			]),
		);
		expect(result.error).toHaveLength(4);
	});

	it('refuses duplicate ids, unknown networks and dangling links', () => {
		const result = broken((r) => {
			const first = r.authorities.find((a) => a.id === 'gt-mp')!;
			return {
				...r,
				authorities: [
					...r.authorities,
					{ ...first, homeserver: 'other.example', memberships: [{ network: 'NOPE' as never, status: 'member' }] },
				],
				crossNetworkLinks: [{ between: [first.id, 'zz-gone' as never], why: 'x' }],
			};
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.error).toEqual(
			expect.arrayContaining([
				'authorities: id "gt-mp" is used twice',
				`authorities[${demoRoster.authorities.length}].memberships[0].network: no network "NOPE" in this roster`,
				'crossNetworkLinks[0].between[1]: no authority "zz-gone" in this roster',
			]),
		);
	});
});
