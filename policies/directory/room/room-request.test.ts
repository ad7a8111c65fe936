import { describe, expect, it } from 'vitest';
import { REFCO } from '../../roster/testing/networks.ts';
import { directoryRoomRequest } from './room-request.ts';

const servers = { network: REFCO.id, keeperServer: 'matrix.mp.gt', networkServers: ['matrix.fgr.sv:8448', 'matrix.mp.gt'] };

function request() {
	const made = directoryRoomRequest(servers);
	if (!made.ok) throw new Error(made.error);
	return made.value;
}

describe('directoryRoomRequest', () => {
	it('asks for an encrypted room of version 12, joined without invitation, seen from one’s join on, no guests', () => {
		const byType = Object.fromEntries(request().initial_state.map((e) => [e.type, e.content]));
		expect(byType['m.room.encryption']).toEqual({ algorithm: 'm.megolm.v1.aes-sha2' });
		expect(byType['m.room.history_visibility']).toEqual({ history_visibility: 'joined' });
		expect(byType['m.room.guest_access']).toEqual({ guest_access: 'forbidden' });
		expect(byType['m.room.join_rules']).toEqual({ join_rule: 'public' });
		expect(request().room_version).toBe('12');
		expect(request().room_alias_name).toBe('rogatory-directory-refco');
		expect(request().visibility).toBe('private');
		expect(request().invite).toEqual([]);
	});

	it('lets only the network’s homeservers take part, a port kept verbatim beside its host (server-acl.ts)', () => {
		const acl = request().initial_state.find((e) => e.type === 'm.room.server_acl')?.content;
		expect(acl).toEqual({ allow: ['matrix.fgr.sv', 'matrix.fgr.sv:8448', 'matrix.mp.gt'], deny: [], allow_ip_literals: false });
	});

	it('allows IP literals only when the network’s servers are IP literals (the local federation’s)', () => {
		const made = directoryRoomRequest({ ...servers, keeperServer: '127.0.30.1:38448', networkServers: ['127.0.30.4:38448'] });
		if (!made.ok) throw new Error(made.error);
		const acl = made.value.initial_state.find((e) => e.type === 'm.room.server_acl')?.content;
		expect(acl).toMatchObject({ allow_ip_literals: true, allow: ['127.0.30.1', '127.0.30.1:38448', '127.0.30.4', '127.0.30.4:38448'] });
	});

	it('keeps every state change to the keeper and lets every member write and invite', () => {
		const levels = request().power_level_content_override;
		expect(levels).toMatchObject({ state_default: 100, events_default: 0, invite: 0, kick: 100, ban: 100, redact: 100, users_default: 0 });
		expect(levels['events']).toMatchObject({ 'm.room.server_acl': 100, 'm.room.power_levels': 100, 'm.room.name': 100 });
		expect(Object.values(levels['events'] as Record<string, number>).every((level) => level === 100)).toBe(true);
		// Version 12: the creator is never listed in `users`.
		expect(levels).not.toHaveProperty('users');
	});

	it('carries nothing about the entries: no name, topic or custom state', () => {
		const made = request();
		const types = made.initial_state.map((e) => e.type);
		expect(types).not.toContain('m.room.name');
		expect(types).not.toContain('m.room.topic');
		expect(types.every((t) => t.startsWith('m.room.'))).toBe(true);
		expect(Object.keys(made)).not.toContain('name');
		expect(Object.keys(made)).not.toContain('topic');
	});

	it('refuses a wildcard for a server name', () => {
		expect(directoryRoomRequest({ ...servers, networkServers: ['*.example'] })).toMatchObject({ ok: false });
	});
});
