import { describe, expect, it } from 'vitest';
import type { RoomId } from '../cases/ids/matrix.ts';
import { demoRoster, EL_SALVADOR, GUATEMALA, NIGERIA } from '../roster/testing/demo.ts';
import { REFCO, WACAP } from '../roster/testing/networks.ts';
import { aclAllows, type ServerAclContent } from '../rooms/server-acl.ts';
import type { ServiceRoomRequest } from '../rooms/service-room.ts';
import { ROOM_MARKER_KEY } from './marker.ts';
import { childRoomRequest, networkRoomsPlan, type NetworkRoomsPlan } from './plan.ts';
import { spaceChildState, spaceParentState } from './space-links.ts';

const SEC = 'secretariat.refco.example';
const SVC = '@rogatory-secretariat-refco:secretariat.refco.example';
const SPACE = '!space-refco' as RoomId;
const SV = 'matrix.fgr.sv.rogatory.example';
const GT = 'matrix.mp.gt.rogatory.example';
const NG = 'matrix.ca.ng.rogatory.example';

function plan(options = {}): NetworkRoomsPlan {
	const made = networkRoomsPlan(demoRoster, REFCO.id, SEC, options);
	if (!made.ok) throw new Error(made.error);
	return made.value;
}

const stateOf = (request: ServiceRoomRequest) => Object.fromEntries(request.initial_state.map((e) => [e.type, e.content]));
const aclIn = (request: ServiceRoomRequest) => stateOf(request)['m.room.server_acl'] as unknown as ServerAclContent;

const childOf = (kind: string, p = plan()) => {
	const child = p.children.find((c) => c.kind === kind);
	if (child === undefined) throw new Error(`no ${kind}`);
	return childRoomRequest(p, child, SPACE);
};

const BASE_EVENTS = {
	'm.room.server_acl': 100,
	'm.room.encryption': 100,
	'm.room.power_levels': 100,
	'm.room.join_rules': 100,
	'm.room.history_visibility': 100,
	'm.room.guest_access': 100,
	'm.room.name': 100,
	'm.room.topic': 100,
	'm.room.avatar': 100,
	'm.room.canonical_alias': 100,
	'm.room.tombstone': 100,
	'm.room.pinned_events': 50,
};
const USERS = {
	[`@rogatory-bridge:${SV}`]: 25,
	[`@rogatory-bridge:${GT}`]: 25,
	[`@refco.secretariat:${GT}`]: 50,
};
const levels = (events_default: number) => ({
	users: USERS,
	users_default: 0,
	events_default,
	state_default: 100,
	events: BASE_EVENTS,
	invite: 25,
	kick: 50,
	ban: 50,
	redact: 50,
});
const NETWORK_ACL = { allow: [SV, GT, SEC], deny: [], allow_ip_literals: false };

describe('networkRoomsPlan: the space', () => {
	it('is an encrypted m.space of room version 12, knock, history shared, no guests, created by the service account', () => {
		const p = plan();
		expect(p.serviceAccount).toBe(SVC);
		expect(p.space.alias).toBe('#rogatory-refco-space:secretariat.refco.example');
		const request = p.space.request;
		expect(request).toMatchObject({
			preset: 'private_chat',
			visibility: 'private',
			room_version: '12',
			invite: [],
			room_alias_name: 'rogatory-refco-space',
		});
		expect(request.creation_content).toEqual({
			'm.federate': true,
			type: 'm.space',
			[ROOM_MARKER_KEY]: { version: 1, kind: 'space', networks: ['REFCO'] },
		});
		expect(stateOf(request)).toEqual({
			'm.room.encryption': { algorithm: 'm.megolm.v1.aes-sha2' },
			'm.room.server_acl': NETWORK_ACL,
			'm.room.history_visibility': { history_visibility: 'shared' },
			'm.room.guest_access': { guest_access: 'forbidden' },
			'm.room.join_rules': { join_rule: 'knock' },
		});
		// Only the secretariat posts in the space; bridges invite their people; the creator is never in `users`.
		expect(request.power_level_content_override).toEqual(levels(50));
		expect(Object.keys(request.power_level_content_override['users'] as object)).not.toContain(SVC);
	});

	it('lets an applicant’s server knock: its ACL admits the applicants, the rooms’ does not', () => {
		const p = plan({ applicants: ['matrix.outsider.example:8448'] });
		const spaceAcl = aclIn(p.space.request);
		expect(aclAllows(spaceAcl, 'matrix.outsider.example')).toBe(true);
		expect(aclAllows(p.acl, 'matrix.outsider.example')).toBe(false);
		expect(stateOf(childOf('plenary', p))['m.room.server_acl']).toEqual(NETWORK_ACL);
		expect(aclAllows(aclIn(plan().space.request), 'matrix.outsider.example')).toBe(false);
	});

	it('admits the roster’s applicants’ servers to the space, and to no room in it', () => {
		const ng = demoRoster.authorities.find((a) => a.id === NIGERIA.id)!;
		const roster = { ...demoRoster, networks: demoRoster.networks.map((n) => (n.id === REFCO.id ? { ...n, applicants: [ng.id] } : n)) };
		const made = networkRoomsPlan(roster, REFCO.id, SEC);
		if (!made.ok) throw new Error(made.error);
		expect(aclAllows(aclIn(made.value.space.request), ng.homeserver)).toBe(true);
		expect(aclAllows(made.value.acl, ng.homeserver)).toBe(false);
		expect(made.value.users).toEqual(plan().users);
	});
});

describe('networkRoomsPlan: the rooms in the space', () => {
	it('lists announcements, plenary, library, then working groups by number, aliased on the secretariat’s server', () => {
		const p = plan({ workingGroups: [12, 2] });
		expect(p.children.map((c) => c.alias)).toEqual([
			'#rogatory-refco-announcements:secretariat.refco.example',
			'#rogatory-refco-plenary:secretariat.refco.example',
			'#rogatory-refco-library:secretariat.refco.example',
			'#rogatory-refco-working-group-2:secretariat.refco.example',
			'#rogatory-refco-working-group-12:secretariat.refco.example',
		]);
		expect(p.children.map((c) => c.spaceChild)).toEqual([
			{ via: [SEC], order: '10', suggested: true },
			{ via: [SEC], order: '20', suggested: true },
			{ via: [SEC], order: '40', suggested: true },
			{ via: [SEC], order: '50-0002', suggested: false },
			{ via: [SEC], order: '50-0012', suggested: false },
		]);
	});

	it('links the directory room its keeper created, through the keeper’s server', () => {
		expect(plan().linked).toEqual([
			{ kind: 'directory', alias: `#rogatory-directory-refco:${SV}`, spaceChild: { via: [SV], order: '30', suggested: true } },
		]);
	});

	for (const [kind, eventsDefault] of [
		['announcements', 50],
		['plenary', 0],
		['library', 50],
		['working-group', 0],
	] as const) {
		it(`${kind}: encrypted, restricted to the space, the network’s servers only, posting at ${eventsDefault}, no name or topic`, () => {
			const request = childOf(kind, plan({ workingGroups: [1] }));
			expect(request).toMatchObject({ preset: 'private_chat', visibility: 'private', room_version: '12', invite: [] });
			expect(request.initial_state).toEqual([
				{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } },
				{ type: 'm.room.server_acl', state_key: '', content: NETWORK_ACL },
				{ type: 'm.room.history_visibility', state_key: '', content: { history_visibility: 'shared' } },
				{ type: 'm.room.guest_access', state_key: '', content: { guest_access: 'forbidden' } },
				{
					type: 'm.room.join_rules',
					state_key: '',
					content: { join_rule: 'restricted', allow: [{ type: 'm.room_membership', room_id: SPACE }] },
				},
				{ type: 'm.space.parent', state_key: SPACE, content: { via: [SEC], canonical: true } },
			]);
			expect(request.power_level_content_override).toEqual(levels(eventsDefault));
			expect(request.creation_content).not.toHaveProperty('type');
			expect(request.creation_content[ROOM_MARKER_KEY]).toMatchObject({ kind, networks: ['REFCO'] });
			expect(Object.keys(request)).not.toContain('name');
			expect(Object.keys(request)).not.toContain('topic');
		});
	}

	it('gives a working group its number, never its name', () => {
		const request = childOf('working-group', plan({ workingGroups: [7] }));
		expect(request.room_alias_name).toBe('rogatory-refco-working-group-7');
		expect(request.creation_content[ROOM_MARKER_KEY]).toEqual({ version: 1, kind: 'working-group', networks: ['REFCO'], workingGroup: 7 });
	});

	it('admits no server of another network into any of them', () => {
		const p = plan();
		for (const server of [SV, GT, SEC]) expect(aclAllows(p.acl, server)).toBe(true);
		expect(aclAllows(p.acl, NG)).toBe(false);
		expect(aclAllows(aclIn(p.space.request), NG)).toBe(false);
	});

	it('gives the space an m.space.child per room and each room its m.space.parent', () => {
		const p = plan();
		const first = p.children[0];
		if (first === undefined) throw new Error('no child');
		expect(spaceChildState('!plenary' as RoomId, first.spaceChild)).toEqual({
			type: 'm.space.child',
			state_key: '!plenary',
			content: { via: [SEC], order: '10', suggested: true },
		});
		expect(spaceParentState(SPACE, p.spaceParent)).toEqual({
			type: 'm.space.parent',
			state_key: SPACE,
			content: { via: [SEC], canonical: true },
		});
	});
});

describe('networkRoomsPlan in a test federation', () => {
	it('takes the server names of the map it is given, for the ACL, the directory link and the powers', () => {
		const servers = new Map([
			['127.0.30.1:38448', EL_SALVADOR.id],
			['127.0.30.2:38448', GUATEMALA.id],
		]);
		const made = networkRoomsPlan(demoRoster, REFCO.id, '127.0.30.9:38448', { servers });
		if (!made.ok) throw new Error(made.error);
		expect(made.value.acl).toEqual({
			allow: ['127.0.30.1', '127.0.30.1:38448', '127.0.30.2', '127.0.30.2:38448', '127.0.30.9', '127.0.30.9:38448'],
			deny: [],
			allow_ip_literals: true,
		});
		expect(made.value.linked[0]?.alias).toBe('#rogatory-directory-refco:127.0.30.1:38448');
		expect(made.value.serviceAccount).toBe('@rogatory-secretariat-refco:127.0.30.9:38448');
		expect(Object.keys(made.value.users)).toContain('@refco.secretariat:127.0.30.2:38448');
	});
});

describe('networkRoomsPlan refuses', () => {
	it('an unknown network, a bad server name, a bad or repeated working group, a wildcard applicant', () => {
		expect(networkRoomsPlan(demoRoster, 'NOPE' as typeof REFCO.id, SEC)).toMatchObject({ ok: false });
		expect(networkRoomsPlan(demoRoster, REFCO.id, 'not a server')).toMatchObject({ ok: false });
		expect(networkRoomsPlan(demoRoster, REFCO.id, SEC, { workingGroups: [1, 1] })).toMatchObject({ ok: false });
		expect(networkRoomsPlan(demoRoster, REFCO.id, SEC, { workingGroups: [0] })).toMatchObject({ ok: false });
		expect(networkRoomsPlan(demoRoster, REFCO.id, SEC, { applicants: ['*.example'] })).toMatchObject({ ok: false });
		expect(networkRoomsPlan(demoRoster, WACAP.id, SEC)).toMatchObject({ ok: true });
	});
});
