import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { networkRoomsPlan, type NetworkRoomRequest, type NetworkRoomsPlan } from '../../policies/network/index.ts';
import { demoRoster } from '../../policies/roster/testing/demo.ts';
import { REFCO } from '../../policies/roster/testing/networks.ts';
import type { StateEvent } from '../../policies/rooms/case-room.ts';
import { NetworkRoomsKeeper, type KeeperClient } from './keeper.ts';

const SECRETARIAT = 'matrix.mp.gt.rogatory.example';
const DIRECTORY = '#rogatory-directory-refco:matrix.fgr.sv.rogatory.example';

function refcoPlan(): NetworkRoomsPlan {
	const plan = networkRoomsPlan(demoRoster, REFCO.id, SECRETARIAT);
	if (!plan.ok) throw new Error(plan.error);
	return plan.value;
}

/** A homeserver as the keeper sees it: aliases, created rooms, state sent, invitations; `fail` makes a call throw. */
function fakeHomeserver() {
	const aliases = new Map<string, string>();
	const created: NetworkRoomRequest[] = [];
	const state: { room: string; event: StateEvent }[] = [];
	const invites: { room: string; user: string }[] = [];
	const fail = new Set<string>();
	const client: KeeperClient = {
		resolveAlias: (alias) =>
			fail.has(`resolve ${alias}`) ? Promise.reject(new Error('connection refused')) : Promise.resolve(aliases.get(alias)),
		createRoom: (request) => {
			if (fail.has(`create ${request.room_alias_name}`)) return Promise.reject(new Error('M_UNKNOWN: try later'));
			const room = `!room${created.length + 1}:${SECRETARIAT}`;
			created.push(request);
			aliases.set(`#${request.room_alias_name}:${SECRETARIAT}`, room);
			return Promise.resolve(room);
		},
		sendState: (room, event) => {
			state.push({ room, event });
			return Promise.resolve();
		},
		invite: (room, user) => {
			if (fail.has(`invite ${user}`)) return Promise.reject(new Error('M_FORBIDDEN: no'));
			invites.push({ room, user });
			return Promise.resolve();
		},
		join: (room) => (fail.has(`join ${room}`) ? Promise.reject(new Error('M_FORBIDDEN: not allowed')) : Promise.resolve()),
	};
	return { client, aliases, created, state, invites, fail };
}

const fresh = (): string => join(mkdtempSync(join(tmpdir(), 'rogatory-network-')), 'network-rooms.json');

describe('NetworkRoomsKeeper', () => {
	it('creates the space first, then each child restricted to it, lists them, and invites the bridges and the staff', async () => {
		const hs = fakeHomeserver();
		const lines: string[] = [];
		const plan = refcoPlan();
		const keeper = new NetworkRoomsKeeper(hs.client, plan, fresh(), (l) => lines.push(l));
		const first = await keeper.round();
		expect(first.done).toBe(false);
		expect(hs.created.map((r) => r.room_alias_name)).toEqual([
			'rogatory-refco-space',
			'rogatory-refco-announcements',
			'rogatory-refco-plenary',
			'rogatory-refco-library',
		]);
		const space = first.space!;
		expect(space).toBe('!room1:matrix.mp.gt.rogatory.example');
		for (const child of hs.created.slice(1)) {
			expect(child.initial_state).toContainEqual(expect.objectContaining({ type: 'm.space.parent', state_key: space }));
			expect(child.initial_state.find((e) => e.type === 'm.room.join_rules')?.content).toMatchObject({ join_rule: 'restricted' });
		}
		expect(hs.state.map((s) => [s.room, s.event.type, s.event.state_key])).toEqual(
			['!room2', '!room3', '!room4'].map((r) => [space, 'm.space.child', `${r}:${SECRETARIAT}`]),
		);
		expect(hs.invites.map((i) => i.room)).toEqual(Object.keys(plan.users).map(() => space));
		expect(hs.invites.map((i) => i.user).sort()).toEqual(Object.keys(plan.users).sort());
		expect(lines.filter((l) => !l.startsWith('network: created'))).toEqual([
			`network: ${DIRECTORY} (the REFCO directory room) does not exist yet — will look again`,
		]);

		// The directory room's keeper created it: the next round lists it, and nothing else is repeated.
		hs.aliases.set(DIRECTORY, '!directory:matrix.fgr.sv.rogatory.example');
		const second = await keeper.round();
		expect(second).toEqual({ done: true, space });
		expect(hs.created).toHaveLength(4);
		expect(hs.state.at(-1)).toEqual({
			room: space,
			event: {
				type: 'm.space.child',
				state_key: '!directory:matrix.fgr.sv.rogatory.example',
				content: { via: ['matrix.fgr.sv.rogatory.example'], order: '30', suggested: true },
			},
		});
		expect(hs.state).toHaveLength(4);
		expect(hs.invites).toHaveLength(Object.keys(plan.users).length);
	});

	it('resolves by alias after a restart: what its state file remembers is not sent again', async () => {
		const hs = fakeHomeserver();
		const file = fresh();
		hs.aliases.set(DIRECTORY, '!directory:x');
		expect((await new NetworkRoomsKeeper(hs.client, refcoPlan(), file, () => {}).round()).done).toBe(true);
		const calls = [hs.created.length, hs.state.length, hs.invites.length];
		const again = await new NetworkRoomsKeeper(hs.client, refcoPlan(), file, () => {}).round();
		expect(again.done).toBe(true);
		expect([hs.created.length, hs.state.length, hs.invites.length]).toEqual(calls);
		const saved = JSON.parse(readFileSync(file, 'utf8')) as { rooms: Record<string, string> };
		expect(Object.keys(saved.rooms)).toHaveLength(4);
	});

	it('logs one line per failed step, goes on with the rest, and finishes it in a later round', async () => {
		const hs = fakeHomeserver();
		hs.aliases.set(DIRECTORY, '!directory:x');
		const plan = refcoPlan();
		const staff = Object.entries(plan.users).find(([, power]) => power === 50)![0];
		hs.fail.add('create rogatory-refco-plenary');
		hs.fail.add(`invite ${staff}`);
		const lines: string[] = [];
		const keeper = new NetworkRoomsKeeper(hs.client, plan, fresh(), (l) => lines.push(l));
		expect((await keeper.round()).done).toBe(false);
		expect(lines.filter((l) => !l.startsWith('network: created'))).toEqual([
			`network: could not create #rogatory-refco-plenary:${SECRETARIAT}: M_UNKNOWN: try later — will try again`,
			`network: could not invite ${staff} into the REFCO space !room1:${SECRETARIAT}: M_FORBIDDEN: no — will try again`,
		]);
		expect(hs.created.map((r) => r.room_alias_name)).toContain('rogatory-refco-library');
		hs.fail.clear();
		expect((await keeper.round()).done).toBe(true);
		expect(hs.created.map((r) => r.room_alias_name)).toContain('rogatory-refco-plenary');
		expect(hs.invites.map((i) => i.user)).toContain(staff);
	});

	it('creates nothing while the space’s alias cannot be looked up', async () => {
		const hs = fakeHomeserver();
		hs.fail.add(`resolve #rogatory-refco-space:${SECRETARIAT}`);
		const lines: string[] = [];
		expect(await new NetworkRoomsKeeper(hs.client, refcoPlan(), fresh(), (l) => lines.push(l)).round()).toEqual({ done: false });
		expect(hs.created).toEqual([]);
		expect(lines).toEqual([`network: could not resolve #rogatory-refco-space:${SECRETARIAT}: connection refused — will try again`]);
	});
});
