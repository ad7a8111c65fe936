import { describe, expect, it } from 'vitest';
import { demoRoster } from '#policies/roster/testing/demo.ts';
import { describeDeployment } from './describe.ts';

const hs = (id: string, octet: number) => ({ id, serverName: `127.0.20.${octet}:28448`, clientUrl: `http://127.0.20.${octet}:28008` });

describe('describeDeployment', () => {
	it('lists each network with its authorities that run a homeserver here, and the homeservers no authority claims', () => {
		const federation = { profile: 'test', homeservers: [hs('gt-mp', 1), hs('ng-ca', 2), hs('outsider', 250)] };
		const view = describeDeployment(demoRoster, federation);
		expect(view.profile).toBe('test');
		expect(view.networks.map((n) => [n.id, n.authorities.map((a) => a.id)])).toEqual([
			['REFCO', ['gt-mp']],
			['WACAP', ['ng-ca']],
		]);
		expect(view.networks[0]?.authorities[0]).toMatchObject({
			name: 'Ministerio Público de Guatemala',
			country: 'GT',
			observer: false,
			homeserver: hs('gt-mp', 1),
		});
		expect(view.unlisted).toEqual([hs('outsider', 250)]);
		expect(view.members).toEqual([hs('gt-mp', 1), hs('ng-ca', 2)]);
		expect(view.homeservers).toEqual(federation.homeservers);
	});

	it('shows nothing for an empty federation', () => {
		expect(describeDeployment(demoRoster, { profile: 'x', homeservers: [] })).toEqual({
			profile: 'x',
			networks: [],
			unlisted: [],
			members: [],
			homeservers: [],
		});
	});
});
