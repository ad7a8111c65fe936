import { describe, expect, it } from 'vitest';
import { EL_SALVADOR, GUATEMALA, KAZAKHSTAN, NIGERIA, demoRoster } from '../../roster/testing/demo.ts';
import { CASC, REFCO, WACAP } from '../../roster/testing/networks.ts';
import type { Authority, AuthorityId, NetworkId, Roster } from '../../roster/types.ts';
import { directoryAlias, directoryAliasLocalpart, directoryKeeper, networkAuthorities, networksOf } from './keeper.ts';

const other = (id: string, status: 'member' | 'observer', homeserver = `matrix.${id}.example`): Authority => ({
	...GUATEMALA,
	id: id as AuthorityId,
	homeserver,
	memberships: [{ network: REFCO.id, status }],
});

describe('directoryKeeper', () => {
	it('is each demo network’s first member authority in roster order', () => {
		expect(directoryKeeper(demoRoster, REFCO.id)).toBe(EL_SALVADOR.id);
		expect(directoryKeeper(demoRoster, WACAP.id)).toBe(NIGERIA.id);
		expect(directoryKeeper(demoRoster, CASC.id)).toBe(KAZAKHSTAN.id);
	});

	it('is the first member in roster order, skipping observers and authorities without a homeserver', () => {
		const roster: Roster = {
			...demoRoster,
			authorities: [other('xx-obs', 'observer'), other('yy-none', 'member', ''), other('sv-fgr', 'member'), GUATEMALA],
		};
		expect(directoryKeeper(roster, REFCO.id)).toBe('sv-fgr');
	});

	it('is undefined for a network with no member on Rogatory', () => {
		expect(directoryKeeper(demoRoster, 'NOPE' as NetworkId)).toBeUndefined();
		expect(directoryKeeper({ ...demoRoster, authorities: [other('xx-obs', 'observer')] }, REFCO.id)).toBeUndefined();
	});
});

describe('the directory alias', () => {
	it('names the network in lower case, nothing else', () => {
		expect(directoryAliasLocalpart(REFCO.id)).toBe('rogatory-directory-refco');
		expect(directoryAlias(CASC.id, '127.0.30.3:38448')).toBe('#rogatory-directory-casc:127.0.30.3:38448');
	});
});

describe('networkAuthorities and networksOf', () => {
	it('list members and observers with a homeserver, and an authority’s networks', () => {
		const roster: Roster = { ...demoRoster, authorities: [GUATEMALA, other('xx-obs', 'observer'), other('yy-none', 'member', '')] };
		expect(networkAuthorities(roster, REFCO.id)).toEqual([GUATEMALA.id, 'xx-obs']);
		expect(networksOf(demoRoster, NIGERIA.id)).toEqual([WACAP.id]);
		expect(networksOf(demoRoster, 'zz-none' as AuthorityId)).toEqual([]);
	});
});
