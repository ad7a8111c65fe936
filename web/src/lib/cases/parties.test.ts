import { describe, expect, it } from 'vitest';
import { demoRoster, GUATEMALA, NIGERIA } from '#policies/roster/testing/demo.ts';
import { casePartiesOf } from './parties.ts';

describe('casePartiesOf', () => {
	it('knows the roster homeservers and, over them, the deployment’s own server names', () => {
		const parties = casePartiesOf(
			[
				{ id: GUATEMALA.id, serverName: '127.0.20.1:28448' },
				{ id: 'outsider', serverName: '127.0.20.250:28448' },
			],
			demoRoster,
		);
		expect(parties.roster).toBe(demoRoster);
		expect(parties.servers.get(GUATEMALA.homeserver)).toBe(GUATEMALA.id);
		expect(parties.servers.get('127.0.20.1:28448')).toBe(GUATEMALA.id);
		expect(parties.servers.has('127.0.20.250:28448')).toBe(false);
		expect(parties.homeservers.get(GUATEMALA.id)).toBe('127.0.20.1:28448');
		expect(parties.homeservers.get(NIGERIA.id)).toBe(NIGERIA.homeserver);
	});
});
