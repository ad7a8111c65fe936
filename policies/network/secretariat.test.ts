import { describe, expect, it } from 'vitest';
import { demoRoster, EL_SALVADOR, GUATEMALA, KAZAKHSTAN, NIGERIA } from '../roster/testing/demo.ts';
import { CASC, REFCO, WACAP } from '../roster/testing/networks.ts';
import { hostedSecretariats, networkSecretariat } from './secretariat.ts';

describe('a network’s secretariat', () => {
	it('lives on the homeserver of the member the roster names as its host', () => {
		expect(networkSecretariat(demoRoster, REFCO.id)).toEqual({
			network: REFCO.id,
			authority: GUATEMALA.id,
			server: GUATEMALA.homeserver,
			serviceAccount: `@rogatory-secretariat-refco:${GUATEMALA.homeserver}`,
		});
		expect(networkSecretariat(demoRoster, WACAP.id)?.authority).toBe(NIGERIA.id);
		expect(hostedSecretariats(demoRoster, GUATEMALA.id)).toEqual([REFCO.id]);
		expect(hostedSecretariats(demoRoster, EL_SALVADOR.id)).toEqual([]);
		expect(hostedSecretariats(demoRoster, KAZAKHSTAN.id)).toEqual([CASC.id]);
	});

	it('takes a test federation’s server name, and is unknown without a host or a server', () => {
		const servers = new Map([['127.0.30.2:38448', GUATEMALA.id]]);
		expect(networkSecretariat(demoRoster, REFCO.id, { servers })?.serviceAccount).toBe('@rogatory-secretariat-refco:127.0.30.2:38448');
		expect(networkSecretariat(demoRoster, WACAP.id, { servers })).toBeUndefined();
		const unhosted = { ...demoRoster, networks: demoRoster.networks.map(({ secretariatHost: _, ...n }) => n) };
		expect(networkSecretariat(unhosted, REFCO.id)).toBeUndefined();
	});
});
