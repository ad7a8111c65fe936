import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { networkRoomsPlan, roomMarker, type CreateEvent, type NetworkRoomsPlan } from '../../policies/network/index.ts';
import { demoRoster } from '../../policies/roster/testing/demo.ts';
import { REFCO } from '../../policies/roster/testing/networks.ts';
import { NetworkMember, type MemberClient } from './member.ts';

const SERVER = 'sec.example';
const plan = ((): NetworkRoomsPlan => {
	const made = networkRoomsPlan(demoRoster, REFCO.id, SERVER);
	if (!made.ok) throw new Error(made.error);
	return made.value;
})();
const SELF = '@rogatory-bridge:sv.example';
const PEOPLE = ['@ana:sv.example', '@bruno:sv.example'];

/** A homeserver with the plan's rooms, created by `creator`; the bridge is invited into the space once `invited`. */
class FakeServer implements MemberClient {
	readonly rooms = new Map<string, { alias: string; create: CreateEvent }>();
	readonly members = new Map<string, Map<string, string>>();
	readonly calls: string[] = [];
	invited = false;
	refuseInvite = new Set<string>();

	constructor(creator: string, kinds: readonly [string, ReturnType<typeof roomMarker>][]) {
		for (const [alias, marker] of kinds)
			this.rooms.set(`!${alias.slice(1)}`, { alias, create: { sender: creator, content: { 'org.rogatory.room': marker } } });
	}
	resolveAlias(alias: string): Promise<string | undefined> {
		return Promise.resolve([...this.rooms].find(([, r]) => r.alias === alias)?.[0]);
	}
	membership(room: string, user: string): string | undefined {
		return this.members.get(room)?.get(user);
	}
	join(room: string): Promise<void> {
		this.calls.push(`join ${room}`);
		const isSpace = this.rooms.get(room)?.alias === plan.space.alias;
		const inSpace = [...this.rooms].some(([id, r]) => r.alias === plan.space.alias && this.membership(id, SELF) === 'join');
		if (isSpace ? !this.invited : !inSpace) return Promise.reject(new Error('403 M_FORBIDDEN'));
		this.#set(room, SELF, 'join');
		return Promise.resolve();
	}
	leave(room: string): Promise<void> {
		this.calls.push(`leave ${room}`);
		this.#set(room, SELF, 'leave');
		return Promise.resolve();
	}
	createEvent(room: string): Promise<CreateEvent | undefined> {
		return Promise.resolve(this.rooms.get(room)?.create);
	}
	invite(room: string, user: string): Promise<void> {
		if (this.refuseInvite.has(user)) return Promise.reject(new Error('404 unknown user'));
		this.calls.push(`invite ${user}`);
		this.#set(room, user, 'invite');
		return Promise.resolve();
	}
	#set(room: string, user: string, membership: string): void {
		const members = this.members.get(room) ?? new Map<string, string>();
		members.set(user, membership);
		this.members.set(room, members);
	}
}

const planRooms = (): [string, ReturnType<typeof roomMarker>][] => [
	[plan.space.alias, roomMarker('space', [REFCO.id])],
	...plan.children.map((c): [string, ReturnType<typeof roomMarker>] => [c.alias, roomMarker(c.kind, [REFCO.id])]),
];

function member(server: FakeServer, stateFile = join(mkdtempSync(join(tmpdir(), 'rogatory-member-')), 'state.json')) {
	const log: string[] = [];
	return { member: new NetworkMember(server, { plan, self: SELF, people: PEOPLE, stateFile, log: (l) => log.push(l) }), log, stateFile };
}

describe('a member bridge in its network’s rooms', () => {
	it('waits for its invitation, then joins the space and every room, and invites its people into the space once', async () => {
		const server = new FakeServer(plan.serviceAccount, planRooms());
		const { member: bridge, log, stateFile } = member(server);
		expect((await bridge.round()).done).toBe(false);
		expect(log.filter((l) => l.includes('cannot join'))).toHaveLength(1);
		expect((await bridge.round()).done).toBe(false);
		expect(log.filter((l) => l.includes('cannot join'))).toHaveLength(1); // said once, not every round
		server.invited = true;
		const outcome = await bridge.round();
		expect(outcome.done).toBe(true);
		for (const id of server.rooms.keys()) {
			expect(server.membership(id, SELF)).toBe('join');
			expect(bridge.owns(id)).toBe(true);
		}
		expect(server.calls.filter((c) => c.startsWith('invite'))).toEqual(PEOPLE.map((p) => `invite ${p}`));
		// A restart with the same state file invites no one again.
		const again = member(server, stateFile).member;
		expect((await again.round()).done).toBe(true);
		expect(server.calls.filter((c) => c.startsWith('invite'))).toHaveLength(PEOPLE.length);
		expect(again.owns('!a-case-room:sv.example')).toBe(false);
	});

	it('leaves a room an alias points at that the service account did not create, or of another kind, and never counts it', async () => {
		const rooms = planRooms();
		const forged = new FakeServer(plan.serviceAccount, rooms);
		const plenary = [...forged.rooms].find(([, r]) => r.alias === plan.children.find((c) => c.kind === 'plenary')!.alias)!;
		forged.rooms.set(plenary[0], { ...plenary[1], create: { sender: '@mallory:sec.example', content: plenary[1].create.content } });
		const library = [...forged.rooms].find(([, r]) => r.alias === plan.children.find((c) => c.kind === 'library')!.alias)!;
		forged.rooms.set(library[0], {
			...library[1],
			create: { sender: plan.serviceAccount, content: { 'org.rogatory.room': roomMarker('plenary', [REFCO.id]) } },
		});
		forged.invited = true;
		const { member: bridge, log } = member(forged);
		expect((await bridge.round()).done).toBe(false);
		expect(forged.calls).toContain(`leave ${plenary[0]}`);
		expect(forged.calls).toContain(`leave ${library[0]}`);
		expect(bridge.owns(plenary[0])).toBe(false);
		expect(log.some((l) => l.includes('not the REFCO plenary') && l.includes('@mallory'))).toBe(true);
	});

	it('keeps trying to invite a person the server refused, without holding up the rest', async () => {
		const server = new FakeServer(plan.serviceAccount, planRooms());
		server.invited = true;
		server.refuseInvite.add(PEOPLE[0]!);
		const { member: bridge } = member(server);
		expect((await bridge.round()).done).toBe(false);
		expect(server.calls).toContain(`invite ${PEOPLE[1]}`);
		server.refuseInvite.clear();
		expect((await bridge.round()).done).toBe(true);
		expect(server.calls).toContain(`invite ${PEOPLE[0]}`);
	});
});
