import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoRoster, EL_SALVADOR, GUATEMALA, KAZAKHSTAN, NIGERIA } from './testing/demo.ts';
import { federationPeers, mayFederate } from './federation.ts';
import type { Authority, AuthorityId, NetworkId, Roster } from './types.ts';

describe('federationPeers on the demo roster', () => {
	it('links El Salvador and Guatemala through REFCO, and across networks through the declared links only', () => {
		expect(federationPeers(demoRoster, EL_SALVADOR.id)).toEqual([GUATEMALA.id]);
		expect(federationPeers(demoRoster, GUATEMALA.id)).toEqual([EL_SALVADOR.id, NIGERIA.id]);
		expect(federationPeers(demoRoster, NIGERIA.id)).toEqual([GUATEMALA.id, KAZAKHSTAN.id]);
		expect(federationPeers(demoRoster, KAZAKHSTAN.id)).toEqual([NIGERIA.id]);
	});

	it('gives an authority outside the roster no peers', () => {
		expect(federationPeers(demoRoster, 'xx-nobody' as AuthorityId)).toEqual([]);
	});
});

// Random rosters: up to 8 authorities spread over up to 3 networks, random links.
const networkIds = ['N0', 'N1', 'N2'] as NetworkId[];
const arbRoster = fc
	.record({
		memberships: fc.array(fc.subarray(networkIds), { minLength: 1, maxLength: 8 }),
		links: fc.array(fc.tuple(fc.nat(7), fc.nat(7)), { maxLength: 6 }),
	})
	.map(({ memberships, links }): Roster => {
		const authorities: Authority[] = memberships.map((nets, i) => ({
			id: `a${i}-x` as AuthorityId,
			name: `A${i}`,
			country: 'XX' as Authority['country'],
			homeserver: `a${i}.example`,
			timeZone: 'UTC',
			languages: ['en'],
			memberships: nets.map((network) => ({ network, status: 'member' as const })),
		}));
		const ids = authorities.map((a) => a.id);
		return {
			networks: networkIds.map((id) => ({ id, name: id, region: 'r', languages: ['en'] })),
			authorities,
			people: [],
			crossNetworkLinks: links
				.filter(([x, y]) => x < ids.length && y < ids.length && x !== y)
				.map(([x, y]) => ({ between: [ids[x] as AuthorityId, ids[y] as AuthorityId] as const, why: 'test' })),
		};
	});

describe('federationPeers properties', () => {
	it('is symmetric, never includes the authority itself, and honours networks and links', () => {
		fc.assert(
			fc.property(arbRoster, (roster) => {
				for (const a of roster.authorities) {
					const peers = federationPeers(roster, a.id);
					expect(peers).not.toContain(a.id);
					for (const b of roster.authorities) {
						if (a.id === b.id) continue;
						expect(mayFederate(roster, a.id, b.id)).toBe(mayFederate(roster, b.id, a.id));
						const shareNetwork = a.memberships.some((m) => b.memberships.some((n) => n.network === m.network));
						const linked = roster.crossNetworkLinks.some((l) => l.between.includes(a.id) && l.between.includes(b.id));
						expect(peers.includes(b.id)).toBe(shareNetwork || linked);
					}
				}
			}),
		);
	});
});
