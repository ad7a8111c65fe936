import { describe, expect, it } from 'vitest';
import { federationPeers } from '../roster/federation.ts';
import { demoRoster, EL_SALVADOR, GUATEMALA, NIGERIA } from '../roster/testing/demo.ts';
import { REFCO } from '../roster/testing/networks.ts';
import type { Roster } from '../roster/types.ts';
import { applicationPeers } from './applicants.ts';
import { homeserverPeers } from './joint-parties.ts';

/** Nigeria's authority applies to REFCO, whose secretariat Guatemala's hosts. */
const applying: Roster = {
	...demoRoster,
	networks: demoRoster.networks.map((n) => (n.id === REFCO.id ? { ...n, secretariatHost: GUATEMALA.id, applicants: [NIGERIA.id] } : n)),
};

describe('applicationPeers', () => {
	it('pairs an applicant with the secretariat host of the network it applies to, and no one else', () => {
		expect(applicationPeers(applying, NIGERIA.id)).toEqual([GUATEMALA.id]);
		expect(applicationPeers(applying, GUATEMALA.id)).toEqual([NIGERIA.id]);
		expect(applicationPeers(applying, EL_SALVADOR.id)).toEqual([]);
	});

	it('is empty without applicants, or without a host to knock on', () => {
		for (const a of demoRoster.authorities) expect(applicationPeers(demoRoster, a.id)).toEqual([]);
		const unhosted: Roster = {
			...demoRoster,
			networks: demoRoster.networks.map((n) =>
				n.id === REFCO.id ? { id: n.id, name: n.name, region: n.region, languages: n.languages, applicants: [NIGERIA.id] } : n,
			),
		};
		expect(applicationPeers(unhosted, NIGERIA.id)).toEqual([]);
	});

	it('reaches the homeserver allowlist, not the case peers: an applicant is no counterpart', () => {
		expect(homeserverPeers(applying, EL_SALVADOR.id)).not.toContain(NIGERIA.id);
		expect(homeserverPeers(applying, NIGERIA.id)).toContain(GUATEMALA.id);
		expect(federationPeers(applying, EL_SALVADOR.id)).not.toContain(NIGERIA.id);
		expect(federationPeers({ ...applying, crossNetworkLinks: [] }, NIGERIA.id)).not.toContain(GUATEMALA.id);
	});
});
