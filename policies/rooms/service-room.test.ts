import { describe, expect, it } from 'vitest';
import type { RoomId } from '../cases/ids/matrix.ts';
import { partiesOnlyAcl } from './server-acl.ts';
import { restrictedTo, serviceRoomRequest, type ServiceRoomTemplate } from './service-room.ts';

const acl = partiesOnlyAcl(['a.example', 'b.example:8448']);
if (!acl.ok) throw new Error(acl.error);

const template: ServiceRoomTemplate<'private_chat'> = {
	preset: 'private_chat',
	aliasLocalpart: 'rogatory-test',
	acl: acl.value,
	joinRule: { join_rule: 'knock' },
	historyVisibility: 'shared',
	power: { events_default: 50, invite: 25, kick: 50, ban: 50, redact: 50 },
};

const stateOf = (request: ReturnType<typeof serviceRoomRequest>) =>
	Object.fromEntries(request.initial_state.map((e) => [e.type, e.content]));

describe('serviceRoomRequest', () => {
	it('gives every service room the same five state events, encrypted, no guests, and nothing else', () => {
		const request = serviceRoomRequest(template);
		expect(request.initial_state.map((e) => e.type)).toEqual([
			'm.room.encryption',
			'm.room.server_acl',
			'm.room.history_visibility',
			'm.room.guest_access',
			'm.room.join_rules',
		]);
		expect(request.initial_state.every((e) => e.state_key === '')).toBe(true);
		const state = stateOf(request);
		expect(state['m.room.encryption']).toEqual({ algorithm: 'm.megolm.v1.aes-sha2' });
		expect(state['m.room.guest_access']).toEqual({ guest_access: 'forbidden' });
		expect(state['m.room.join_rules']).toEqual({ join_rule: 'knock' });
		expect(state['m.room.history_visibility']).toEqual({ history_visibility: 'shared' });
		expect(state['m.room.server_acl']).toEqual(acl.value);
		expect(request).toMatchObject({ room_version: '12', visibility: 'private', invite: [], room_alias_name: 'rogatory-test' });
		expect(request.creation_content).toEqual({ 'm.federate': true });
	});

	it('keeps every state change at 100 but lets the caller lower some, with no `users` unless asked', () => {
		const levels = serviceRoomRequest({
			...template,
			power: { ...template.power, events: { 'm.room.pinned_events': 50 } },
		}).power_level_content_override;
		expect(levels).toMatchObject({ users_default: 0, events_default: 50, state_default: 100, invite: 25, kick: 50 });
		expect(levels['events']).toMatchObject({ 'm.room.power_levels': 100, 'm.room.name': 100, 'm.room.pinned_events': 50 });
		expect(levels).not.toHaveProperty('users');
	});

	it('keeps the creator and additional creators out of `users` (room version 12) and names the additional ones', () => {
		const request = serviceRoomRequest({
			...template,
			creator: '@svc:a.example',
			additionalCreators: ['@svc:b.example:8448'],
			power: { ...template.power, users: { '@svc:a.example': 100, '@svc:b.example:8448': 100, '@bot:a.example': 25 } },
		});
		expect(request.power_level_content_override['users']).toEqual({ '@bot:a.example': 25 });
		expect(request.creation_content).toEqual({ 'm.federate': true, additional_creators: ['@svc:b.example:8448'] });
	});

	it('adds the caller’s creation content and extra state after the five', () => {
		const request = serviceRoomRequest({
			...template,
			creation: { type: 'm.space' },
			extraState: [{ type: 'm.space.parent', state_key: '!space', content: { via: ['a.example'] } }],
		});
		expect(request.creation_content).toEqual({ 'm.federate': true, type: 'm.space' });
		expect(request.initial_state.at(-1)).toEqual({ type: 'm.space.parent', state_key: '!space', content: { via: ['a.example'] } });
	});
});

describe('restrictedTo', () => {
	it('lets the members of the given rooms join', () => {
		expect(restrictedTo(['!a' as RoomId, '!b' as RoomId])).toEqual({
			join_rule: 'restricted',
			allow: [
				{ type: 'm.room_membership', room_id: '!a' },
				{ type: 'm.room_membership', room_id: '!b' },
			],
		});
	});
});
