import { describe, expect, it } from 'vitest';
import { CASC, REFCO, WACAP } from '../roster/testing/networks.ts';
import { aliasOn, isWorkingGroupNumber, jointAliasLocalpart, networkAliasLocalpart, WHO_POSTS } from './kinds.ts';

describe('aliases name the network and the kind, nothing else', () => {
	it('for a network’s rooms', () => {
		expect(networkAliasLocalpart(REFCO.id, 'space')).toBe('rogatory-refco-space');
		expect(networkAliasLocalpart(REFCO.id, 'plenary')).toBe('rogatory-refco-plenary');
		expect(networkAliasLocalpart(WACAP.id, 'announcements')).toBe('rogatory-wacap-announcements');
		expect(networkAliasLocalpart(CASC.id, 'library')).toBe('rogatory-casc-library');
		expect(networkAliasLocalpart(REFCO.id, 'working-group', 12)).toBe('rogatory-refco-working-group-12');
		expect(aliasOn('rogatory-refco-plenary', 'matrix.example:8448')).toBe('#rogatory-refco-plenary:matrix.example:8448');
	});

	it('for a pair’s rooms', () => {
		expect(jointAliasLocalpart([REFCO.id, WACAP.id], 'joint-space')).toBe('rogatory-refco-wacap-space');
		expect(jointAliasLocalpart([REFCO.id, WACAP.id], 'joint-channel')).toBe('rogatory-refco-wacap-channel');
	});
});

describe('kinds', () => {
	it('let members post in the plenary, working groups and joint channel only', () => {
		const open = Object.entries(WHO_POSTS)
			.filter(([, who]) => who === 'members')
			.map(([kind]) => kind);
		expect(open.sort()).toEqual(['joint-channel', 'plenary', 'working-group']);
		expect(Object.entries(WHO_POSTS).filter(([, who]) => who === 'bridge')).toEqual([['reports', 'bridge']]);
	});

	it('number working groups from 1 to 9999', () => {
		expect([0, 1, 9999, 10000, 1.5, -2].map(isWorkingGroupNumber)).toEqual([false, true, true, false, false, false]);
	});
});
