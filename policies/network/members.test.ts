import { describe, expect, it } from 'vitest';
import { demoRoster, EL_SALVADOR, GUATEMALA, NIGERIA } from '../roster/testing/demo.ts';
import { CASC, REFCO, WACAP } from '../roster/testing/networks.ts';
import { networkPowerUsers, networkServers, secretariatServiceAccount, secretariatStaff } from './members.ts';

describe('a network’s people and servers', () => {
	it('names one service account per network on its secretariat’s server', () => {
		expect(secretariatServiceAccount(REFCO.id, 'sec.example:8448')).toBe('@rogatory-secretariat-refco:sec.example:8448');
		expect(secretariatServiceAccount(WACAP.id, 'sec.example:8448')).not.toBe(secretariatServiceAccount(REFCO.id, 'sec.example:8448'));
	});

	it('lists the homeservers of the network’s authorities and its secretariat staff', () => {
		expect(networkServers(demoRoster, REFCO.id)).toEqual(['matrix.fgr.sv.rogatory.example', 'matrix.mp.gt.rogatory.example']);
		expect(secretariatStaff(demoRoster, REFCO.id)).toEqual([`@refco.secretariat:${GUATEMALA.homeserver}`]);
		expect(secretariatStaff(demoRoster, CASC.id)).toEqual(['@casc.secretariat:matrix.gpo.kz.rogatory.example']);
	});

	it('gives the bridges invite power and the staff more', () => {
		expect(networkPowerUsers(demoRoster, [REFCO.id])).toEqual({
			'@rogatory-bridge:matrix.fgr.sv.rogatory.example': 25,
			'@rogatory-bridge:matrix.mp.gt.rogatory.example': 25,
			'@refco.secretariat:matrix.mp.gt.rogatory.example': 50,
		});
	});

	it('takes a test federation’s server names and bridge accounts where given', () => {
		const names = {
			servers: new Map([
				['127.0.30.1:38448', EL_SALVADOR.id],
				['127.0.30.2:38448', GUATEMALA.id],
				['127.0.30.3:38448', NIGERIA.id],
			]),
			bridges: new Map([['127.0.30.2:38448', '@bridge-gt:127.0.30.2:38448']]),
		};
		expect(networkServers(demoRoster, REFCO.id, names)).toEqual(['127.0.30.1:38448', '127.0.30.2:38448']);
		expect(networkPowerUsers(demoRoster, [REFCO.id], names)).toEqual({
			'@rogatory-bridge:127.0.30.1:38448': 25,
			'@bridge-gt:127.0.30.2:38448': 25,
			'@refco.secretariat:127.0.30.2:38448': 50,
		});
		// An authority the map does not know has no server, and its staff no account here.
		expect(secretariatStaff(demoRoster, CASC.id, names)).toEqual([]);
	});
});
