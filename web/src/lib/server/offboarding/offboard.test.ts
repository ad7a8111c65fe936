import { describe, expect, it } from 'vitest';
import { offboard } from './offboard.ts';

const A = '@ana:gt-mp.test';
const B = '@bruno:sv-fgr.test';

/** A fake homeserver admin API: rooms with their state, parting after `partAfter` checks. */
function fakeSynapse(rooms: Record<string, { levels: Record<string, number>; members: readonly string[] }>, partAfter = 0) {
	const calls: string[] = [];
	let deactivated = false;
	let checks = 0;
	const reply = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
	const respond = (input: string | URL | Request, init?: RequestInit): Response => {
		const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
		const path = decodeURIComponent(url.pathname);
		calls.push(`${init?.method ?? 'GET'} ${path}`);
		if ((init?.headers as Record<string, string>)['authorization'] !== 'Bearer secret') return reply({ error: 'no' }, 401);
		if (path === `/_synapse/admin/v1/users/${A}/joined_rooms`) {
			if (deactivated) checks++;
			return reply({ joined_rooms: deactivated && checks > partAfter ? [] : Object.keys(rooms) });
		}
		if (path === `/_synapse/admin/v2/users/${A}/devices`) return reply({ devices: deactivated ? [] : [{ device_id: 'D1' }] });
		if (path === `/_synapse/admin/v1/deactivate/${A}`) {
			deactivated = true;
			return reply({ id_server_unbind_result: 'no-support' });
		}
		const room = Object.entries(rooms).find(([id]) => path === `/_synapse/admin/v1/rooms/${id}/state`);
		if (room === undefined) return reply({ error: 'unknown' }, 404);
		const [, { levels, members }] = room;
		return reply({
			state: [
				{ type: 'm.room.create', state_key: '', sender: A, content: { room_version: '10' } },
				{ type: 'm.room.power_levels', state_key: '', sender: A, content: { users: levels, events: { 'm.room.power_levels': 100 } } },
				...members.map((m) => ({ type: 'm.room.member', state_key: m, sender: m, content: { membership: 'join' } })),
			],
		});
	};
	const fetchImpl = ((input: string | URL | Request, init?: RequestInit) => Promise.resolve(respond(input, init))) as typeof fetch;
	return { fetchImpl, calls };
}

const deps = (fetchImpl: typeof fetch, ended: string[] = []) => ({
	admin: { clientUrl: 'https://gt-mp.test', adminToken: 'secret', fetch: fetchImpl },
	endWebSessions: (userId: string) => {
		ended.push(userId);
		return 2;
	},
	wait: async () => {},
});

describe('offboarding a person through the admin API', () => {
	it('refuses, naming the room, when the person is its last administrator, and changes nothing', async () => {
		const synapse = fakeSynapse({ '!solo:gt-mp.test': { levels: { [A]: 100 }, members: [A, B] } });
		const ended: string[] = [];
		const outcome = await offboard(A, deps(synapse.fetchImpl, ended));
		expect(outcome).toEqual({ ok: true, value: { kind: 'hand-over-first', rooms: ['!solo:gt-mp.test'] } });
		expect(ended).toEqual([]);
		expect(synapse.calls.some((c) => c.startsWith('POST'))).toBe(false);
	});

	it('ends the web sessions, deactivates, and waits for the rooms to be parted', async () => {
		const synapse = fakeSynapse({ '!case:gt-mp.test': { levels: { [A]: 100, [B]: 100 }, members: [A, B] } }, 2);
		const ended: string[] = [];
		const outcome = await offboard(A, deps(synapse.fetchImpl, ended));
		expect(outcome).toEqual({
			ok: true,
			value: { kind: 'deactivated', rooms: ['!case:gt-mp.test'], webSessionsEnded: 2, devicesLeft: [], roomsLeft: [] },
		});
		expect(ended).toEqual([A]);
		expect(synapse.calls).toContain(`POST /_synapse/admin/v1/deactivate/${A}`);
	});

	it('reports rooms still joined after the last check instead of claiming success', async () => {
		const synapse = fakeSynapse({ '!stuck:gt-mp.test': { levels: {}, members: [A, B] } }, 99);
		const outcome = await offboard(A, { ...deps(synapse.fetchImpl), checks: 3 });
		expect(outcome.ok && outcome.value.kind === 'deactivated' && outcome.value.roomsLeft).toEqual(['!stuck:gt-mp.test']);
	});

	it('returns a refused admin token as a problem, before changing anything', async () => {
		const synapse = fakeSynapse({});
		const outcome = await offboard(A, {
			...deps(synapse.fetchImpl),
			admin: { clientUrl: 'https://gt-mp.test', adminToken: 'wrong', fetch: synapse.fetchImpl },
		});
		expect(outcome.ok).toBe(false);
		expect(!outcome.ok && outcome.error.step).toBe('rooms');
		expect(!outcome.ok && outcome.error.problem.status).toBe(401);
	});
});
