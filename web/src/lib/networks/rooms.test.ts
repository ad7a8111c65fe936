import { describe, expect, it } from 'vitest';
import { roomMarker } from '#policies/network/index.ts';
import { demoRoster as DEMO_ROSTER } from '#policies/roster/testing/demo.ts';
import type { AuthorityId, NetworkId } from '#policies/roster/types.ts';
import {
	deployedServers,
	networkAliases,
	networkBridges,
	networkRoomKind,
	networkServerMap,
	secretariatAccounts,
	suggestedChildren,
} from './rooms.ts';

const REFCO = 'REFCO' as NetworkId;
const SERVICE = '@rogatory-secretariat-refco:gt.example';
const create = (sender: string, marker: unknown) => ({ sender, content: { 'org.rogatory.room': marker } });

describe('networkAliases', () => {
	it('names the space, announcements and plenary rooms on the secretariat’s server', () => {
		expect(networkAliases(REFCO, 'gt.example')).toEqual({
			space: '#rogatory-refco-space:gt.example',
			announcements: '#rogatory-refco-announcements:gt.example',
			plenary: '#rogatory-refco-plenary:gt.example',
		});
	});
});

describe('suggestedChildren', () => {
	it('keeps suggested children with a via, in the space’s order then by room ID', () => {
		const links = [
			{ roomId: '!plenary', content: { via: ['gt.example'], order: '20', suggested: true } },
			{ roomId: '!announcements', content: { via: ['gt.example'], order: '10', suggested: true } },
			{ roomId: '!wg', content: { via: ['gt.example'], order: '50-0001', suggested: false } },
			{ roomId: '!removed', content: {} },
			{ roomId: '!novia', content: { via: [], order: '05', suggested: true } },
			{ roomId: '!b', content: { via: ['x'], suggested: true } },
			{ roomId: '!a', content: { via: ['x'], suggested: true } },
		];
		expect(suggestedChildren(links)).toEqual(['!announcements', '!plenary', '!a', '!b']);
	});

	it('reads nothing from a content that is not an object', () => {
		expect(
			suggestedChildren([
				{ roomId: '!x', content: null },
				{ roomId: '!y', content: ['via'] },
			]),
		).toEqual([]);
	});
});

describe('networkRoomKind', () => {
	it('takes the marker the network’s service account wrote', () => {
		expect(networkRoomKind(create(SERVICE, roomMarker('plenary', [REFCO])), REFCO, SERVICE)).toEqual({ ok: true, value: 'plenary' });
	});

	it('refuses the same marker from anyone else: a copied marker names nothing', () => {
		const forged = networkRoomKind(create('@eve:gt.example', roomMarker('plenary', [REFCO])), REFCO, SERVICE);
		expect(forged).toMatchObject({ ok: false, error: { kind: 'wrong-creator' } });
	});

	it('refuses a room of another network, a room with no marker and a missing create event', () => {
		expect(networkRoomKind(create(SERVICE, roomMarker('plenary', ['WACAP' as NetworkId])), REFCO, SERVICE)).toMatchObject({
			ok: false,
			error: { kind: 'other-network' },
		});
		expect(networkRoomKind({ sender: SERVICE, content: {} }, REFCO, SERVICE)).toMatchObject({ ok: false, error: { kind: 'no-marker' } });
		expect(networkRoomKind(undefined, REFCO, SERVICE)).toMatchObject({ ok: false, error: { kind: 'no-marker' } });
	});
});

describe('secretariatAccounts', () => {
	it('is the service account and those at the staff’s power or above, not the bridges nor the members', () => {
		const power = { users: { '@staff:gt.example': 50, '@bridge:sv.example': 25, '@ana:gt.example': 0, '@odd:gt.example': '100' } };
		expect([...secretariatAccounts(power, SERVICE)].sort()).toEqual(['@rogatory-secretariat-refco:gt.example', '@staff:gt.example']);
	});

	it('is the service account alone when the power levels cannot be read', () => {
		expect([...secretariatAccounts(undefined, SERVICE)]).toEqual([SERVICE]);
		expect([...secretariatAccounts({ users: [] }, SERVICE)]).toEqual([SERVICE]);
	});
});

describe('networkServerMap', () => {
	it('keeps the servers of the network’s authorities only', () => {
		const servers = new Map([
			['gt.example', 'gt-mp' as AuthorityId],
			['sv.example', 'sv-fgr' as AuthorityId],
			['ng.example', 'ng-ca' as AuthorityId],
		]);
		expect([...networkServerMap(servers, DEMO_ROSTER, REFCO).keys()]).toEqual(['gt.example', 'sv.example']);
	});
});

describe('deployedServers', () => {
	it('names each authority by the server this deployment serves it on, so the secretariat’s account is the one that exists', async () => {
		const { networkSecretariat } = await import('#policies/network/index.ts');
		const { casePartiesOf } = await import('../cases/parties.ts');
		const parties = casePartiesOf([{ id: 'gt-mp', serverName: '127.0.20.2:28448' }], DEMO_ROSTER);
		const servers = deployedServers(parties.homeservers);
		expect(servers.get('127.0.20.2:28448')).toBe('gt-mp');
		expect(servers.has('matrix.mp.gt.rogatory.example')).toBe(false);
		const withSecretariat = {
			...DEMO_ROSTER,
			networks: DEMO_ROSTER.networks.map((n) => ({ ...n, secretariatHost: 'gt-mp' as AuthorityId })),
		};
		expect(networkSecretariat(withSecretariat, REFCO, { servers })?.serviceAccount).toBe('@rogatory-secretariat-refco:127.0.20.2:28448');
	});
});

describe('networkBridges', () => {
	it('names the bridge of each authority of the network on the server this deployment serves it on, and no other authority’s', async () => {
		const { casePartiesOf } = await import('../cases/parties.ts');
		const parties = casePartiesOf(
			[
				{ id: 'gt-mp', serverName: '127.0.20.2:28448' },
				{ id: 'sv-fgr', serverName: '127.0.20.3:28448' },
				{ id: 'ng-ca', serverName: '127.0.20.4:28448' },
			],
			DEMO_ROSTER,
		);
		const bridges = networkBridges(parties.servers, parties.homeservers, DEMO_ROSTER, REFCO);
		expect(bridges.get('gt-mp' as AuthorityId)).toBe('@rogatory-bridge:127.0.20.2:28448');
		expect(bridges.get('sv-fgr' as AuthorityId)).toBe('@rogatory-bridge:127.0.20.3:28448');
		expect(bridges.has('ng-ca' as AuthorityId)).toBe(false);
	});
});
