// A small roster for deploy's unit tests, independent of the demo roster's
// contents: two networks of two authorities each, plus a lone authority
// linked across networks to one of them.
import type { Authority, AuthorityId, CountryCode, NetworkId, Roster } from '../../policies/roster/types.ts';

const authority = (id: string, network: string, homeserver: string): Authority => ({
	id: id as AuthorityId,
	name: `Authority ${id}`,
	country: id.slice(0, 2).toUpperCase() as CountryCode,
	homeserver,
	timeZone: 'UTC',
	languages: ['en'],
	memberships: [{ network: network as NetworkId, status: 'member' }],
});

export const sampleRoster: Roster = {
	networks: [
		{ id: 'NORTH' as NetworkId, name: 'North', region: 'North', languages: ['en'] },
		{ id: 'SOUTH' as NetworkId, name: 'South', region: 'South', languages: ['en'] },
		{ id: 'EAST' as NetworkId, name: 'East', region: 'East', languages: ['en'] },
	],
	authorities: [
		authority('aa-one', 'NORTH', 'matrix.one.aa.example'),
		authority('bb-two', 'NORTH', 'matrix.two.bb.example'),
		authority('cc-three', 'SOUTH', 'matrix.three.cc.example'),
		authority('dd-four', 'SOUTH', 'matrix.four.dd.example'),
		authority('ee-five', 'EAST', 'matrix.five.ee.example'),
	],
	people: [
		{ localpart: 'alice', displayName: 'Alice', authority: 'aa-one' as AuthorityId, roles: ['prosecutor'], language: 'en' },
		{
			localpart: 'carol',
			displayName: 'Carol',
			authority: 'cc-three' as AuthorityId,
			roles: ['central-authority-officer'],
			language: 'en',
		},
	],
	crossNetworkLinks: [{ between: ['bb-two' as AuthorityId, 'ee-five' as AuthorityId], why: 'test link' }],
};
