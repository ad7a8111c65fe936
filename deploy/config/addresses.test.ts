import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateOctets } from './addresses.ts';
import { MAX_MEMBER_OCTET, OUTSIDER_ID, OUTSIDER_OCTET } from './profiles.ts';

describe('allocateOctets', () => {
	it('numbers new authorities from 1 in roster order and puts the outsider apart', () => {
		expect(allocateOctets({}, ['a', 'b', 'c'])).toEqual({ a: 1, b: 2, c: 3, [OUTSIDER_ID]: OUTSIDER_OCTET });
	});

	it('keeps addresses already given, even when the roster order changes', () => {
		const first = allocateOctets({}, ['a', 'b', 'c']);
		expect(allocateOctets(first, ['c', 'new', 'a'])).toMatchObject({ a: 1, b: 2, c: 3, new: 4 });
	});

	it('fills the lowest free octet', () => {
		expect(allocateOctets({ a: 1, c: 3 }, ['a', 'b', 'c'])['b']).toBe(2);
	});

	it('never gives two homeservers the same address, and stays in the member range', () => {
		const ids = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 40 });
		fc.assert(
			fc.property(ids, ids, (before, after) => {
				const octets = allocateOctets(allocateOctets({}, before), after);
				const values = Object.values(octets);
				expect(new Set(values).size).toBe(values.length);
				for (const id of after) expect(octets[id]).toBeLessThanOrEqual(MAX_MEMBER_OCTET);
			}),
		);
	});
});
