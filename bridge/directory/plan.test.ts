import { describe, expect, it } from 'vitest';
import { GUATEMALA, KAZAKHSTAN, NIGERIA, demoRoster } from '../../policies/roster/testing/demo.ts';
import { REFCO } from '../../policies/roster/testing/networks.ts';
import type { Authority, AuthorityId, Roster } from '../../policies/roster/types.ts';
import { directoryPlan } from './plan.ts';

const SALVADOR: Authority = {
	...GUATEMALA,
	id: 'sv-fgr' as AuthorityId,
	homeserver: 'matrix.fgr.sv',
	memberships: [{ network: REFCO.id, status: 'member' }],
};
const roster: Roster = { ...demoRoster, authorities: [GUATEMALA, NIGERIA, KAZAKHSTAN, SALVADOR] };
const servers = new Map<string, AuthorityId>([
	['127.0.30.1:38448', GUATEMALA.id],
	['127.0.30.2:38448', NIGERIA.id],
	['127.0.30.3:38448', KAZAKHSTAN.id],
	['127.0.30.4:38448', SALVADOR.id],
]);

describe('directoryPlan', () => {
	it('makes the first member the keeper, at its server as the bridge knows it', () => {
		const { places, skipped } = directoryPlan({ roster, authority: GUATEMALA.id, servers });
		expect(skipped).toEqual([]);
		expect(places).toEqual([
			{
				network: REFCO.id,
				keeper: GUATEMALA.id,
				keeps: true,
				keeperServer: '127.0.30.1:38448',
				alias: '#rogatory-directory-refco:127.0.30.1:38448',
				networkServers: ['127.0.30.1:38448', '127.0.30.4:38448'],
				networkBridges: ['@rogatory-bridge:127.0.30.1:38448', '@rogatory-bridge:127.0.30.4:38448'],
			},
		]);
	});

	it('names the bridges the configuration gives, @rogatory-bridge on the other servers', () => {
		const bridges = new Map([['127.0.30.4:38448', '@bridge-sv-1:127.0.30.4:38448']]);
		const { places } = directoryPlan({ roster, authority: GUATEMALA.id, servers, bridges });
		expect(places[0]?.networkBridges).toEqual(['@rogatory-bridge:127.0.30.1:38448', '@bridge-sv-1:127.0.30.4:38448']);
	});

	it('has every other member join the keeper’s room', () => {
		const { places } = directoryPlan({ roster, authority: SALVADOR.id, servers });
		expect(places).toMatchObject([{ network: REFCO.id, keeps: false, alias: '#rogatory-directory-refco:127.0.30.1:38448' }]);
	});

	it('says why a network has no room for it: the keeper’s server is unknown', () => {
		const { places, skipped } = directoryPlan({ roster, authority: SALVADOR.id, servers: new Map([['127.0.30.4:38448', SALVADOR.id]]) });
		expect(places).toEqual([]);
		expect(skipped).toEqual(['the server of gt-mp, keeper of the REFCO directory room, is not known to this bridge']);
	});
});
