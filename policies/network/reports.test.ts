import { describe, expect, it } from 'vitest';
import { demoRoster, EL_SALVADOR, GUATEMALA } from '../roster/testing/demo.ts';
import { REFCO } from '../roster/testing/networks.ts';
import { aclAllows, type ServerAclContent } from '../rooms/server-acl.ts';
import type { ServiceRoomRequest } from '../rooms/service-room.ts';
import { reportsAliasLocalpart } from './kinds.ts';
import { ROOM_MARKER_KEY, roomMarkerOf } from './marker.ts';
import { networkRoomsPlan } from './plan.ts';
import { reportsRoomsPlan, type PlannedReportsRoom } from './reports.ts';

const SEC = 'secretariat.refco.example';
const SVC = '@rogatory-secretariat-refco:secretariat.refco.example';
const SV = 'matrix.fgr.sv.rogatory.example';
const GT = 'matrix.mp.gt.rogatory.example';
const NG = 'matrix.ca.ng.rogatory.example';
const STAFF = `@refco.secretariat:${GT}`;

function rooms(): PlannedReportsRoom[] {
	const made = reportsRoomsPlan(demoRoster, REFCO.id, SEC);
	if (!made.ok) throw new Error(made.error);
	return made.value;
}
const stateOf = (request: ServiceRoomRequest) => Object.fromEntries(request.initial_state.map((e) => [e.type, e.content]));

describe('reportsRoomsPlan', () => {
	it('plans one room per authority of the network, aliased by network and authority, inviting its bridge and the staff', () => {
		const planned = rooms();
		expect(planned.map((r) => [r.authority, r.alias, r.bridge, r.invite])).toEqual([
			[EL_SALVADOR.id, `#rogatory-refco-reports-sv-fgr:${SEC}`, `@rogatory-bridge:${SV}`, [`@rogatory-bridge:${SV}`, STAFF]],
			[GUATEMALA.id, `#rogatory-refco-reports-gt-mp:${SEC}`, `@rogatory-bridge:${GT}`, [`@rogatory-bridge:${GT}`, STAFF]],
		]);
		expect(reportsAliasLocalpart(REFCO.id, GUATEMALA.id)).toBe('rogatory-refco-reports-gt-mp');
	});

	it('is encrypted, invitation only, outside the space, with no name or topic', () => {
		const request = rooms()[0]!.request;
		expect(request).toMatchObject({ preset: 'private_chat', visibility: 'private', room_version: '12', invite: [] });
		const state = stateOf(request);
		expect(Object.keys(state).sort()).toEqual([
			'm.room.encryption',
			'm.room.guest_access',
			'm.room.history_visibility',
			'm.room.join_rules',
			'm.room.server_acl',
		]);
		expect(state['m.room.join_rules']).toEqual({ join_rule: 'invite' });
		expect(state['m.room.encryption']).toEqual({ algorithm: 'm.megolm.v1.aes-sha2' });
		expect(request.initial_state.some((e) => e.type === 'm.space.parent')).toBe(false);
		expect(request.creation_content).not.toHaveProperty('type');
	});

	it('lets the bridge alone post; the staff read; only the creator invites, removes or redacts, own events included', () => {
		const levels = rooms()[1]!.request.power_level_content_override;
		expect(levels['users']).toEqual({ [`@rogatory-bridge:${GT}`]: 25 });
		expect(levels).toMatchObject({
			users_default: 0,
			events_default: 25,
			state_default: 100,
			invite: 100,
			kick: 100,
			ban: 100,
			redact: 100,
		});
		expect((levels['events'] as Record<string, number>)['m.room.redaction']).toBe(100);
		expect(Object.keys(levels['users'] as object)).not.toContain(SVC);
		expect(Object.keys(levels['users'] as object)).not.toContain(STAFF);
	});

	it('admits only the secretariat’s server, the authority’s and the staff’s', () => {
		const [sv, gt] = rooms();
		const acl = (r: PlannedReportsRoom) => stateOf(r.request)['m.room.server_acl'] as unknown as ServerAclContent;
		expect([...acl(sv!).allow].sort()).toEqual([SV, GT, SEC].sort());
		expect([...acl(gt!).allow].sort()).toEqual([GT, SEC].sort());
		expect(aclAllows(acl(gt!), SV)).toBe(false);
		expect(aclAllows(acl(sv!), NG)).toBe(false);
	});

	it('marks the room as the authority’s reports room, counted only from the service account', () => {
		const request = rooms()[1]!.request;
		const marker = { version: 1, kind: 'reports', networks: ['REFCO'], authority: 'gt-mp' };
		expect(request.creation_content[ROOM_MARKER_KEY]).toEqual(marker);
		const create = (sender: string) => ({ sender, content: request.creation_content });
		expect(roomMarkerOf(create(SVC), [SVC])).toEqual({ ok: true, value: marker });
		expect(roomMarkerOf(create('@rogatory-secretariat-refco:matrix.fgr.sv.rogatory.example'), [SVC])).toMatchObject({ ok: false });
	});

	it('is part of the network’s plan', () => {
		const plan = networkRoomsPlan(demoRoster, REFCO.id, SEC);
		expect(plan.ok && plan.value.reports.map((r) => r.authority)).toEqual([EL_SALVADOR.id, GUATEMALA.id]);
	});
});

describe('roomMarkerOf, reports rooms', () => {
	const of = (marker: Record<string, unknown>) => roomMarkerOf({ sender: SVC, content: { [ROOM_MARKER_KEY]: marker } }, [SVC]);
	it('refuses a reports marker without an authority, with a malformed one, and an authority on another kind', () => {
		expect(of({ version: 1, kind: 'reports', networks: ['REFCO'] })).toMatchObject({ ok: false });
		expect(of({ version: 1, kind: 'reports', networks: ['REFCO'], authority: 'GT MP' })).toMatchObject({ ok: false });
		expect(of({ version: 1, kind: 'plenary', networks: ['REFCO'], authority: 'gt-mp' })).toMatchObject({ ok: false });
		expect(of({ version: 1, kind: 'reports', networks: ['REFCO'], authority: 'gt-mp' })).toMatchObject({ ok: true });
	});
});
