import { describe, expect, it } from 'vitest';
import { GUATEMALA, KAZAKHSTAN, demoRoster } from '../../roster/testing/demo.ts';
import { REFCO } from '../../roster/testing/networks.ts';
import type { Person } from '../../roster/types.ts';
import { points247Of, pointsAlias, pointsAliasLocalpart, pointsRoomRequest } from './points-room.ts';

const servers = { network: REFCO.id, keeperServer: 'sv.example:8448', networkServers: ['sv.example:8448', 'gt.example', 'hn.example'] };
const bridges = ['@rogatory-bridge:sv.example:8448', '@rogatory-bridge:hn.example', '@rogatory-bridge:gt.example'];

describe('the 24/7 room', () => {
	it('has an alias naming the network, nothing else', () => {
		expect(pointsAliasLocalpart(REFCO.id)).toBe('rogatory-directory-refco-24-7');
		expect(pointsAlias(REFCO.id, 'sv.example:8448')).toBe('#rogatory-directory-refco-24-7:sv.example:8448');
	});

	it('is encrypted, invitation only, room version 12, with the other bridges able to invite and take out, and nothing in its state about anyone', () => {
		const made = pointsRoomRequest(servers, bridges);
		if (!made.ok) throw new Error(made.error);
		const r = made.value;
		const state = Object.fromEntries(r.initial_state.map((e) => [e.type, e.content]));
		expect(state['m.room.encryption']).toEqual({ algorithm: 'm.megolm.v1.aes-sha2' });
		expect(state['m.room.join_rules']).toEqual({ join_rule: 'invite' });
		expect(state['m.room.history_visibility']).toEqual({ history_visibility: 'joined' });
		expect(state['m.room.name']).toBeUndefined();
		expect(state['m.room.topic']).toBeUndefined();
		expect(r.room_version).toBe('12');
		expect(r.preset).toBe('private_chat');
		expect(r.visibility).toBe('private');
		expect(r.invite).toEqual([]);
		const power = r.power_level_content_override;
		// The keeper (the creator) is not listed: version 12 makes its power permanent.
		expect(power['users']).toEqual({ '@rogatory-bridge:gt.example': 50, '@rogatory-bridge:hn.example': 50 });
		expect(power).toMatchObject({ invite: 50, kick: 50, ban: 100, state_default: 100, users_default: 0 });
		expect((state['m.room.server_acl'] as { allow: string[] }).allow).toContain('gt.example');
	});

	it('refuses a wildcard for a server name', () => {
		expect(pointsRoomRequest({ ...servers, networkServers: ['*.example'] }, [])).toMatchObject({ ok: false });
	});
});

describe('points247Of', () => {
	it('lists the authority’s 24/7 focal points only, lower case, once each, sorted', () => {
		const people: Person[] = [
			{ localpart: 'Zoe.Point', displayName: 'Zoe', authority: GUATEMALA.id, roles: ['focal-point-24-7'], language: 'es' },
			{ localpart: 'zoe.point', displayName: 'Zoe', authority: GUATEMALA.id, roles: ['focal-point-24-7', 'prosecutor'], language: 'es' },
			{ localpart: 'abel', displayName: 'Abel', authority: GUATEMALA.id, roles: ['focal-point'], language: 'es' },
			{ localpart: 'olga', displayName: 'Olga', authority: KAZAKHSTAN.id, roles: ['focal-point-24-7'], language: 'ru' },
		];
		expect(points247Of(people, GUATEMALA.id)).toEqual(['zoe.point']);
		expect(points247Of([], GUATEMALA.id)).toEqual([]);
		expect(points247Of(demoRoster.people, GUATEMALA.id).length).toBeGreaterThan(0);
	});
});
