import { describe, expect, it } from 'vitest';
import type { RoomId } from '../cases/ids/matrix.ts';
import { demoRoster, EL_SALVADOR, GUATEMALA, KAZAKHSTAN, NIGERIA } from '../roster/testing/demo.ts';
import { CASC, REFCO, WACAP } from '../roster/testing/networks.ts';
import type { NetworkId } from '../roster/types.ts';
import { aclAllows, type ServerAclContent } from '../rooms/server-acl.ts';
import type { ServiceRoomRequest } from '../rooms/service-room.ts';
import { jointChannelRequest, jointRoomsPlan, jointSpaceRequest, type JointRoomsPlan } from './joint.ts';
import { ROOM_MARKER_KEY } from './marker.ts';

const SECRETARIATS = new Map<NetworkId, string>([
	[REFCO.id, 'sec.refco.example'],
	[WACAP.id, 'sec.wacap.example'],
	[CASC.id, 'sec.casc.example'],
]);
const REFCO_SPACE = '!refco-space' as RoomId;
const WACAP_SPACE = '!wacap-space' as RoomId;
const JOINT_SPACE = '!joint-space' as RoomId;

function plan(a: NetworkId = WACAP.id, b: NetworkId = REFCO.id): JointRoomsPlan {
	const made = jointRoomsPlan(demoRoster, a, b, SECRETARIATS);
	if (!made.ok) throw new Error(made.error);
	return made.value;
}

const aclOf = (request: ServiceRoomRequest) =>
	request.initial_state.find((e) => e.type === 'm.room.server_acl')?.content as unknown as ServerAclContent;
const joinRuleOf = (request: ServiceRoomRequest) => request.initial_state.find((e) => e.type === 'm.room.join_rules')?.content;

describe('jointRoomsPlan', () => {
	it('takes the pair in roster order, created by the first secretariat with the second as a permanent co-creator', () => {
		const p = plan();
		expect(p.networks).toEqual([REFCO.id, WACAP.id]);
		expect(p.creator).toBe('@rogatory-secretariat-refco:sec.refco.example');
		expect(p.additionalCreator).toBe('@rogatory-secretariat-wacap:sec.wacap.example');
		expect(p.space.alias).toBe('#rogatory-refco-wacap-space:sec.refco.example');
		expect(p.channel.alias).toBe('#rogatory-refco-wacap-channel:sec.refco.example');
		const request = jointChannelRequest(p, JOINT_SPACE);
		expect(request.creation_content).toEqual({
			'm.federate': true,
			additional_creators: ['@rogatory-secretariat-wacap:sec.wacap.example'],
			[ROOM_MARKER_KEY]: { version: 1, kind: 'joint-channel', networks: ['REFCO', 'WACAP'] },
		});
		const users = request.power_level_content_override['users'] as Record<string, number>;
		expect(users).not.toHaveProperty(p.creator);
		expect(users).not.toHaveProperty(p.additionalCreator);
		expect(users).toEqual({
			[`@rogatory-bridge:${NIGERIA.homeserver}`]: 25,
			[`@rogatory-bridge:${GUATEMALA.homeserver}`]: 25,
			[`@wacap.secretariat:${NIGERIA.homeserver}`]: 50,
			[`@refco.secretariat:${GUATEMALA.homeserver}`]: 50,
		});
	});

	it('admits the pair’s linked authorities and secretariats into the joint rooms, and refuses a third network’s and an unlinked member’s', () => {
		const p = plan();
		for (const request of [jointSpaceRequest(p, [REFCO_SPACE, WACAP_SPACE]), jointChannelRequest(p, JOINT_SPACE)]) {
			const acl = aclOf(request);
			for (const server of [GUATEMALA.homeserver, NIGERIA.homeserver, 'sec.refco.example', 'sec.wacap.example'])
				expect(aclAllows(acl, server), server).toBe(true);
			// El Salvador is in REFCO, but no link names it: its server does not federate with Nigeria's.
			expect(aclAllows(acl, EL_SALVADOR.homeserver)).toBe(false);
			// Kazakhstan (CASC) is linked to Nigeria, yet not a party to the REFCO–WACAP pair.
			expect(aclAllows(acl, KAZAKHSTAN.homeserver)).toBe(false);
			expect(aclAllows(acl, 'sec.casc.example')).toBe(false);
		}
	});

	it('lets members of either network’s space into the joint space, and members of the joint space into the channel', () => {
		const p = plan();
		const space = jointSpaceRequest(p, [REFCO_SPACE, WACAP_SPACE]);
		expect(space.creation_content['type']).toBe('m.space');
		expect(joinRuleOf(space)).toEqual({
			join_rule: 'restricted',
			allow: [
				{ type: 'm.room_membership', room_id: REFCO_SPACE },
				{ type: 'm.room_membership', room_id: WACAP_SPACE },
			],
		});
		expect(space.power_level_content_override['events_default']).toBe(50);
		const channel = jointChannelRequest(p, JOINT_SPACE);
		expect(joinRuleOf(channel)).toEqual({ join_rule: 'restricted', allow: [{ type: 'm.room_membership', room_id: JOINT_SPACE }] });
		expect(channel.power_level_content_override['events_default']).toBe(0);
		expect(channel.initial_state.at(-1)).toEqual({
			type: 'm.space.parent',
			state_key: JOINT_SPACE,
			content: { via: ['sec.refco.example', 'sec.wacap.example'], canonical: true },
		});
		expect(channel.initial_state.map((e) => e.type)).not.toContain('m.room.name');
		expect(channel.initial_state.find((e) => e.type === 'm.room.encryption')?.content).toEqual({ algorithm: 'm.megolm.v1.aes-sha2' });
		expect(channel.initial_state.find((e) => e.type === 'm.room.history_visibility')?.content).toEqual({ history_visibility: 'shared' });
		expect(channel.initial_state.find((e) => e.type === 'm.room.guest_access')?.content).toEqual({ guest_access: 'forbidden' });
	});

	it('refuses a pair the roster does not link, or one without a secretariat server', () => {
		expect(jointRoomsPlan(demoRoster, REFCO.id, CASC.id, SECRETARIATS)).toMatchObject({ ok: false });
		expect(jointRoomsPlan(demoRoster, REFCO.id, WACAP.id, new Map([[REFCO.id, 'sec.refco.example']]))).toMatchObject({ ok: false });
		expect(jointRoomsPlan(demoRoster, WACAP.id, CASC.id, SECRETARIATS)).toMatchObject({ ok: true });
	});
});
