import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { federationPeers } from '../roster/federation.ts';
import { demoRoster, EL_SALVADOR, GUATEMALA, KAZAKHSTAN, NIGERIA } from '../roster/testing/demo.ts';
import type { Authority, AuthorityId, NetworkId, Roster } from '../roster/types.ts';
import { homeserverPeers, jointFederationPeers, jointParties } from './joint-parties.ts';
import { networkPairs } from './pairs.ts';

describe('the parties of a pair’s joint rooms', () => {
	it('are the authorities its links name and its two secretariats’ hosts, on the demo roster', () => {
		const [refcoWacap, wacapCasc] = networkPairs(demoRoster);
		expect(jointParties(demoRoster, refcoWacap!)).toEqual([GUATEMALA.id, NIGERIA.id]);
		expect(jointParties(demoRoster, wacapCasc!)).toEqual([NIGERIA.id, KAZAKHSTAN.id]);
		// The demo's hosts are its linked authorities: its homeservers federate as before.
		for (const a of demoRoster.authorities) expect(homeserverPeers(demoRoster, a.id)).toEqual(federationPeers(demoRoster, a.id));
		expect(jointFederationPeers(demoRoster, EL_SALVADOR.id)).toEqual([]);
	});

	it('federate with each other, symmetrically, when a secretariat is hosted by an authority no link names', () => {
		// N1's secretariat on a1 (unlinked); the only link between a0 (N1) and a2 (N2); N2's secretariat on a3.
		const authority = (i: number, network: string): Authority => ({
			id: `a${i}-x` as AuthorityId,
			name: `A${i}`,
			country: 'XX' as Authority['country'],
			homeserver: `a${i}.example`,
			timeZone: 'UTC',
			languages: ['en'],
			memberships: [{ network: network as NetworkId, status: 'member' }],
		});
		const roster: Roster = {
			networks: [
				{ id: 'N1' as NetworkId, name: 'N1', region: 'r', languages: ['en'], secretariatHost: 'a1-x' as AuthorityId },
				{ id: 'N2' as NetworkId, name: 'N2', region: 'r', languages: ['en'], secretariatHost: 'a3-x' as AuthorityId },
			],
			authorities: [authority(0, 'N1'), authority(1, 'N1'), authority(2, 'N2'), authority(3, 'N2'), authority(4, 'N1')],
			people: [],
			crossNetworkLinks: [{ between: ['a0-x' as AuthorityId, 'a2-x' as AuthorityId], why: 'test' }],
		};
		expect(jointParties(roster, networkPairs(roster)[0]!)).toEqual(['a0-x', 'a1-x', 'a2-x', 'a3-x']);
		expect(homeserverPeers(roster, 'a1-x' as AuthorityId)).toEqual(['a0-x', 'a2-x', 'a3-x', 'a4-x']);
		expect(homeserverPeers(roster, 'a4-x' as AuthorityId)).toEqual(['a0-x', 'a1-x']);
		fc.assert(
			fc.property(fc.nat(4), fc.nat(4), (x, y) => {
				const [a, b] = [roster.authorities[x]!.id, roster.authorities[y]!.id];
				expect(homeserverPeers(roster, a).includes(b)).toBe(homeserverPeers(roster, b).includes(a));
				expect(homeserverPeers(roster, a)).not.toContain(a);
			}),
		);
	});
});
