import { describe, expect, it } from 'vitest';
import { demoRoster, EL_SALVADOR, GUATEMALA, KAZAKHSTAN, NIGERIA } from '../roster/testing/demo.ts';
import { CASC, REFCO, WACAP } from '../roster/testing/networks.ts';
import type { Roster } from '../roster/types.ts';
import { networkPair, networkPairs } from './pairs.ts';

describe('networkPairs', () => {
	it('pairs the networks of two linked authorities, once each, in roster order', () => {
		// Demo links: gt-mp (REFCO) – ng-ca (WACAP), ng-ca (WACAP) – kz-gpo (CASC).
		expect(networkPairs(demoRoster).map((p) => p.networks)).toEqual([
			[REFCO.id, WACAP.id],
			[WACAP.id, CASC.id],
		]);
		expect(networkPairs(demoRoster)[0]?.links).toEqual([demoRoster.crossNetworkLinks[0]]);
	});

	it('does not pair networks only linked through a third (REFCO and CASC)', () => {
		expect(networkPair(demoRoster, REFCO.id, CASC.id)).toBeUndefined();
		expect(networkPair(demoRoster, WACAP.id, REFCO.id)?.networks).toEqual([REFCO.id, WACAP.id]);
		expect(networkPair(demoRoster, REFCO.id, REFCO.id)).toBeUndefined();
	});

	it('pairs each network of an authority in several with each of the other’s, never a network with itself, and merges links', () => {
		const both = { ...NIGERIA, memberships: [...NIGERIA.memberships, { network: REFCO.id, status: 'observer' as const }] };
		const roster: Roster = {
			...demoRoster,
			authorities: [EL_SALVADOR, GUATEMALA, both, KAZAKHSTAN],
			crossNetworkLinks: [
				{ between: [GUATEMALA.id, NIGERIA.id], why: 'a' },
				{ between: [EL_SALVADOR.id, NIGERIA.id], why: 'b' },
				{ between: [KAZAKHSTAN.id, NIGERIA.id], why: 'c' },
			],
		};
		const pairs = networkPairs(roster);
		expect(pairs.map((p) => p.networks)).toEqual([
			[REFCO.id, WACAP.id],
			[REFCO.id, CASC.id],
			[WACAP.id, CASC.id],
		]);
		expect(pairs[0]?.links.map((l) => l.why)).toEqual(['a', 'b']);
	});
});
