import { describe, expect, it } from 'vitest';
import { caseRoomRequest } from './case-room.ts';

const parties = { creatorServer: 'gt.example', partyServers: ['ng.example:8448'], invite: ['@amina:ng.example:8448'] };

describe('caseRoomRequest', () => {
	it('asks for an encrypted, invite-only room whose ACL names only the parties', () => {
		const request = caseRoomRequest(parties);
		expect(request.ok).toBe(true);
		if (!request.ok) return;
		const byType = Object.fromEntries(request.value.initial_state.map((e) => [e.type, e.content]));
		expect(byType['m.room.encryption']).toEqual({ algorithm: 'm.megolm.v1.aes-sha2' });
		expect(byType['m.room.server_acl']).toEqual({
			allow: ['gt.example', 'ng.example', 'ng.example:8448'],
			deny: [],
			allow_ip_literals: false,
		});
		expect(byType['m.room.join_rules']).toEqual({ join_rule: 'invite' });
		expect(request.value.invite).toEqual(['@amina:ng.example:8448']);
	});

	it('carries nothing a server could read about the case: no name, topic, alias or custom state', () => {
		const request = caseRoomRequest(parties);
		if (!request.ok) throw new Error(request.error);
		const types = request.value.initial_state.map((e) => e.type);
		expect(types).not.toContain('m.room.name');
		expect(types).not.toContain('m.room.topic');
		expect(types.every((t) => t.startsWith('m.room.'))).toBe(true);
		expect(Object.keys(request.value)).not.toContain('name');
		expect(Object.keys(request.value)).not.toContain('topic');
		expect(Object.keys(request.value)).not.toContain('room_alias_name');
	});

	it('refuses to invite someone whose homeserver is not a party', () => {
		const request = caseRoomRequest({ ...parties, invite: ['@olga:kz.example'] });
		expect(request).toEqual({ ok: false, error: '@olga:kz.example is on a homeserver that is not a party to this case' });
	});
});
