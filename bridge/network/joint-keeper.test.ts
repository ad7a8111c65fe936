import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jointRoomsPlan, networkRoomsPlan, type NetworkRoomRequest, type NetworkRoomsPlan } from '../../policies/network/index.ts';
import type { StateEvent } from '../../policies/rooms/case-room.ts';
import { demoRoster } from '../../policies/roster/testing/demo.ts';
import { REFCO, WACAP } from '../../policies/roster/testing/networks.ts';
import type { NetworkId } from '../../policies/roster/types.ts';
import { JointRoomsKeeper } from './joint-keeper.ts';
import type { KeeperClient } from './kept-rooms.ts';

const SERVERS = new Map<NetworkId, string>([
	[REFCO.id, 'sec.refco.example'],
	[WACAP.id, 'sec.wacap.example'],
]);
const planOf = (network: NetworkId): NetworkRoomsPlan => {
	const made = networkRoomsPlan(demoRoster, network, SERVERS.get(network)!);
	if (!made.ok) throw new Error(made.error);
	return made.value;
};
const joint = (() => {
	const made = jointRoomsPlan(demoRoster, REFCO.id, WACAP.id, SERVERS);
	if (!made.ok) throw new Error(made.error);
	return made.value;
})();

/** Both secretariats' homeservers as one alias table; what each keeper created, sent and joined. */
function federation() {
	const aliases = new Map<string, string>();
	const created: NetworkRoomRequest[] = [];
	const state: { room: string; event: StateEvent }[] = [];
	const joined: string[] = [];
	const invited: string[] = [];
	const client = (server: string): KeeperClient => ({
		resolveAlias: (alias) => Promise.resolve(aliases.get(alias)),
		createRoom: (request) => {
			const room = `!joint${created.length + 1}:${server}`;
			created.push(request);
			aliases.set(`#${request.room_alias_name}:${server}`, room);
			return Promise.resolve(room);
		},
		sendState: (room, event) => {
			state.push({ room, event });
			return Promise.resolve();
		},
		invite: (room, user) => {
			invited.push(`${room} ${user}`);
			return Promise.resolve();
		},
		join: (room) => {
			joined.push(room);
			return Promise.resolve();
		},
		stateOf: (room, type, key) => {
			const sent = state.filter((x) => x.room === room && x.event.type === type && x.event.state_key === key).at(-1);
			if (sent !== undefined) return Promise.resolve(sent.event.content);
			const index = Number(/^!joint(\d+):/.exec(room)?.[1] ?? 0) - 1;
			return Promise.resolve(created[index]?.initial_state.find((e) => e.type === type && e.state_key === key)?.content);
		},
		joinedMembers: () => Promise.resolve([]),
		kick: () => Promise.resolve(),
	});
	return { aliases, created, state, joined, invited, client };
}

const keeper = (f: ReturnType<typeof federation>, network: NetworkId, log: string[]) => {
	const other = network === REFCO.id ? WACAP.id : REFCO.id;
	return new JointRoomsKeeper(f.client(SERVERS.get(network)!), {
		joint,
		own: planOf(network),
		otherSpaceAlias: planOf(other).space.alias,
		stateFile: join(mkdtempSync(join(tmpdir(), 'rogatory-joint-')), 'state.json'),
		log: (line) => log.push(line),
	});
};

describe('the joint rooms of a pair, carried out by its two secretariats', () => {
	it('wait for both network spaces, then the first creates the joint space and channel and the second joins; each lists it in its own space', async () => {
		const f = federation();
		const log: string[] = [];
		const [refco, wacap] = [keeper(f, REFCO.id, log), keeper(f, WACAP.id, log)];
		f.aliases.set(planOf(REFCO.id).space.alias, '!refco-space');
		expect((await refco.round()).done).toBe(false);
		expect(f.created).toEqual([]);
		expect(log.some((l) => l.includes(planOf(WACAP.id).space.alias) && l.includes('does not exist yet'))).toBe(true);
		f.aliases.set(planOf(WACAP.id).space.alias, '!wacap-space');
		expect((await wacap.round()).done).toBe(false); // the first has not created the joint space yet
		expect(f.joined).toEqual([]);

		const first = await refco.round();
		expect(first.done).toBe(true);
		expect(f.created.map((r) => r.room_alias_name)).toEqual(['rogatory-refco-wacap-space', 'rogatory-refco-wacap-channel']);
		const joinRule = f.created[0]!.initial_state.find((e) => e.type === 'm.room.join_rules')?.content;
		expect(joinRule).toEqual({
			join_rule: 'restricted',
			allow: [
				{ type: 'm.room_membership', room_id: '!refco-space' },
				{ type: 'm.room_membership', room_id: '!wacap-space' },
			],
		});
		expect(f.invited).toEqual([`${first.space} ${joint.additionalCreator}`]);
		const second = await wacap.round();
		expect(second).toEqual({ done: true, space: first.space });
		expect(f.joined).toEqual([first.space]);
		const listings = f.state.filter((s) => s.event.type === 'm.space.child').map((s) => `${s.room} ← ${s.event.state_key}`);
		expect(listings).toEqual([
			`${first.space} ← !joint2:sec.refco.example`,
			`!refco-space ← ${first.space}`,
			`!wacap-space ← ${first.space}`,
		]);
		// Each joint room's ACL re-issued once by its creator, and the joint space's once more by the second after its join.
		const acls = f.state.filter((s) => s.event.type === 'm.room.server_acl');
		expect(acls.map((s) => [s.room, s.event.content['org.rogatory.acl_revision']])).toEqual([
			[first.space, 1],
			['!joint2:sec.refco.example', 1],
			[first.space, 2],
		]);
		// Another round sends and creates nothing more.
		await refco.round();
		await wacap.round();
		expect(f.created).toHaveLength(2);
		expect(f.state).toHaveLength(6);
	});
});
