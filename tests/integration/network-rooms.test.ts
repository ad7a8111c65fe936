// Issue 13, a network's space and rooms with the real federation
// (docs/network-rooms.md): REFCO's secretariat service account, on
// Guatemala's homeserver (docs/decisions.md), carries out REFCO's rooms plan
// (bridge/network/keeper.ts): the space (knock) and the announcements,
// plenary and library rooms (restricted to the space), encrypted, behind an
// ACL naming only REFCO's homeservers, with no name or topic, each marked in
// its create event. A member on El Salvador's homeserver, invited into the
// space by their authority's bridge, joins the rooms by restricted join; the
// member cannot post in the announcements room, the secretariat's staff can.
// Nigeria's homeserver (WACAP) federates with Guatemala's but cannot knock on
// the space nor join the plenary. The bridges here are test accounts, so the
// standing bridges of the federation are invited to nothing; the aliases
// are freed before and after, so a later run starts clean.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { NetworkRoomsKeeper } from '../../bridge/network/keeper.ts';
import { sdkKeeperClient } from '../../bridge/matrix/network-keeper-client.ts';
import { startSecretariat } from '../../bridge/matrix/secretariat.ts';
import { keptPassword } from '../../deploy/local/passwords.ts';
import { PROVISIONING_DEVICE, registerAccount } from '../../deploy/local/provision.ts';
import { networkRoomsPlan, roomMarkerOf, type NetworkRoomsPlan } from '../../policies/network/index.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { demoRoster, GUATEMALA } from '../../policies/roster/testing/demo.ts';
import { REFCO } from '../../policies/roster/testing/networks.ts';
import { crossSignedClient, joinedEventually, until } from '../support/bot/bot-room.ts';
import { stoppedAfterAll } from '../support/bot/test-processes.ts';
import { freshAccount } from '../support/accounts.ts';
import { homeserverOf } from '../support/federation-info.ts';
import { freeAliases as freeAllOf } from '../support/free-aliases.ts';
import { invitedTo, startNodeClient } from '../support/matrix-node-client.ts';
import { refused } from '../support/bot/refused.ts';

const federation = inject('federation');
const [gt, sv, ng] = (['gt-mp', 'sv-fgr', 'ng-ca'] as const).map((id) => homeserverOf(federation, id));
const { clients } = stoppedAfterAll();
const SERVICE_LOCALPART = `rogatory-secretariat-${REFCO.id.toLowerCase()}`;
const ALIASES = ['space', 'announcements', 'plenary', 'library'].map((kind) => `#rogatory-refco-${kind}:${gt!.serverName}`);

/** Rooms left by an earlier run (the federation's data outlives it) lose their aliases, so the keeper creates new ones. */
const freeAliases = (): Promise<void> => freeAllOf(ALIASES.map((a) => [gt!, a] as const));
afterAll(freeAliases);

const localpartOf = (userId: string): string => userId.slice(1).split(':')[0]!;

describe('a network’s space and rooms', () => {
	it('are created by its secretariat’s service account, joined by the network’s members, posted in by the secretariat only, closed to other networks', async () => {
		await freeAliases();
		// REFCO's staff: one fresh account on Guatemala's server, in the roster instead of the demo's secretariat person.
		const staff = await crossSignedClient(federation, gt!.id, 'net-staff');
		const member = await crossSignedClient(federation, sv!.id, 'net-member');
		const outsider = await startNodeClient(await freshAccount(federation, ng!.id, 'net-outsider'));
		const bridgeSv = await startNodeClient(await freshAccount(federation, sv!.id, 'net-bridge'));
		const bridgeGt = await freshAccount(federation, gt!.id, 'net-bridge');
		clients.push(staff, member, outsider, bridgeSv);
		const roster = {
			...demoRoster,
			people: [
				...demoRoster.people.filter((p) => p.secretariatOf !== REFCO.id),
				{
					localpart: localpartOf(staff.getUserId()!),
					displayName: 'REFCO Secretariat',
					authority: GUATEMALA.id,
					roles: ['secretariat' as const],
					language: 'es' as const,
					secretariatOf: REFCO.id,
				},
			],
		};
		const servers = new Map<string, AuthorityId>(
			federation.homeservers.filter((h) => h.id !== 'outsider').map((h) => [h.serverName, h.id as AuthorityId]),
		);
		const bridges = new Map([
			[gt!.serverName, bridgeGt.userId],
			[sv!.serverName, bridgeSv.getUserId()!],
		]);
		const planned = networkRoomsPlan(roster, REFCO.id, gt!.serverName, { servers, bridges });
		if (!planned.ok) throw new Error(planned.error);
		// The directory room is its own keeper's (directory-room.test.ts), the reports rooms reports-room.test.ts's: this run leaves them out.
		const plan: NetworkRoomsPlan = { ...planned.value, linked: [], reports: [] };
		expect(plan.serviceAccount).toBe(`@${SERVICE_LOCALPART}:${gt!.serverName}`);

		// The service account, with the password kept for it on its homeserver (deploy/local/bridges.ts).
		const service = await registerAccount(gt!, SERVICE_LOCALPART, {
			password: keptPassword(gt!.dataDir, SERVICE_LOCALPART),
			deviceId: PROVISIONING_DEVICE,
		});
		if (!service.ok) throw new Error(service.error);
		const lines: string[] = [];
		const secretariat = await startSecretariat({
			homeserverUrl: gt!.clientUrl,
			plan,
			password: service.value.password,
			stateFile: join(mkdtempSync(join(tmpdir(), 'rogatory-network-')), 'network-rooms.json'),
			retryMs: 1_000,
			log: (line) => lines.push(line),
		});
		try {
			let finished = false;
			void secretariat.loop.done.then(() => (finished = true));
			await until(() => finished, 'the keeper finishes').catch((e: unknown) => {
				throw new Error(`${String(e)}; it logged:\n${lines.join('\n')}`);
			});
		} finally {
			secretariat.stop();
		}
		expect(lines.filter((l) => l.startsWith('network: created'))).toHaveLength(4);
		expect(lines.filter((l) => !/^network: (created|@)/.test(l))).toEqual([]);
		const rooms = secretariat.keeper.rooms();
		const roomOf = (kind: string): string => {
			const room = rooms[`#rogatory-refco-${kind}:${gt!.serverName}`];
			if (room === undefined) throw new Error(`no ${kind} room`);
			return room;
		};
		const [space, announcements, plenary, library] = [roomOf('space'), roomOf('announcements'), roomOf('plenary'), roomOf('library')];

		// Once more, from an empty state file: every alias resolves, nothing is created again.
		const again: string[] = [];
		const second = new NetworkRoomsKeeper(
			sdkKeeperClient(secretariat.client),
			plan,
			join(mkdtempSync(join(tmpdir(), 'rogatory-network-')), 'network-rooms.json'),
			(l) => again.push(l),
		);
		expect(await second.round()).toEqual({ done: true, space });
		expect(again.filter((l) => l.startsWith('network: created'))).toEqual([]);

		// The member's bridge, invited by the keeper, joins and invites the member; the member joins the space and its rooms.
		await bridgeSv.joinRoom(space, { viaServers: [gt!.serverName] });
		await bridgeSv.invite(space, member.getUserId()!);
		// The invitation is made on El Salvador's server, whose view of the space may still be partial just after the
		// bridge's join (Synapse's faster joins): the member joins once their sync shows it, trying again meanwhile.
		await invitedTo(member, space);
		await joinedEventually(member, space, [gt!.serverName], 'the member joins the space');
		// Guatemala's server vouches for the restricted joins once the member's join of the space reached it.
		for (const room of [announcements, plenary, library])
			await joinedEventually(member, room, [gt!.serverName], `the member joins ${room}`);

		const stateOf = async (room: string) => {
			const events = await member.roomState(room);
			return (type: string, key = '') => events.find((e) => e.type === type && e.state_key === key)?.content;
		};
		const spaceState = await stateOf(space);
		expect(spaceState('m.room.create')).toMatchObject({ room_version: '12', type: 'm.space' });
		expect(spaceState('m.room.join_rules')).toEqual({ join_rule: 'knock' });
		expect(spaceState('m.room.encryption')).toEqual({ algorithm: 'm.megolm.v1.aes-sha2' });
		expect(spaceState('m.room.name')).toBeUndefined();
		expect(spaceState('m.room.topic')).toBeUndefined();
		const hosts = (acl: unknown): string[] => [...(acl as { allow: string[] }).allow].sort();
		const refcoOnly = [...new Set([gt!.serverName, sv!.serverName].flatMap((s) => [s, s.split(':')[0]!]))].sort();
		expect(hosts(spaceState('m.room.server_acl'))).toEqual(refcoOnly);
		const creator = plan.serviceAccount;
		const markerOf = async (room: string) => {
			const create = (await member.roomState(room)).find((e) => e.type === 'm.room.create')!;
			return roomMarkerOf({ sender: create.sender, content: create.content }, [creator]);
		};
		expect(await markerOf(space)).toEqual({ ok: true, value: { version: 1, kind: 'space', networks: [REFCO.id] } });
		for (const [kind, room] of [
			['announcements', announcements],
			['plenary', plenary],
			['library', library],
		] as const) {
			const state = await stateOf(room);
			expect(spaceState('m.space.child', room)).toMatchObject({ via: [gt!.serverName], suggested: true });
			expect(state('m.room.create')).toMatchObject({ room_version: '12' });
			expect(state('m.room.create')).not.toHaveProperty('type');
			expect(state('m.room.join_rules')).toEqual({ join_rule: 'restricted', allow: [{ type: 'm.room_membership', room_id: space }] });
			expect(state('m.room.encryption')).toEqual({ algorithm: 'm.megolm.v1.aes-sha2' });
			expect(hosts(state('m.room.server_acl'))).toEqual(refcoOnly);
			expect(state('m.space.parent', space)).toEqual({ via: [gt!.serverName], canonical: true });
			expect(state('m.room.name')).toBeUndefined();
			expect(state('m.room.topic')).toBeUndefined();
			expect(await markerOf(room)).toEqual({ ok: true, value: { version: 1, kind, networks: [REFCO.id] } });
		}

		// Only the secretariat posts in the announcements room: the member is refused, the staff's message goes through.
		await until(() => member.getRoom(announcements)?.hasEncryptionStateEvent() === true, 'the member sees the room encrypted');
		const byPower = await refused(member.sendTextMessage(announcements, 'a member writes'));
		expect(byPower.httpStatus).toBe(403);
		expect(byPower.errcode).toBe('M_FORBIDDEN');
		await staff.joinRoom(space, { viaServers: [gt!.serverName] });
		await staff.joinRoom(announcements, { viaServers: [gt!.serverName] });
		await until(() => staff.getRoom(announcements)?.hasEncryptionStateEvent() === true, 'the staff sees the room encrypted');
		const sent = await staff.sendTextMessage(announcements, 'the secretariat announces');
		expect(sent.event_id).toMatch(/^\$/);
		// The member posts in the plenary channel.
		await until(() => member.getRoom(plenary)?.hasEncryptionStateEvent() === true, 'the member sees the plenary encrypted');
		expect((await member.sendTextMessage(plenary, 'a member attends')).event_id).toMatch(/^\$/);

		// Another network's account: Nigeria's homeserver federates with Guatemala's, whose ACL refuses its knock and its join.
		const knock = await refused(outsider.knockRoom(space, { viaServers: [gt!.serverName], reason: 'let us in' }));
		expect(knock.httpStatus).toBe(403);
		const byAcl = await refused(outsider.joinRoom(plenary, { viaServers: [gt!.serverName] }));
		expect(byAcl.httpStatus).toBe(403);
		expect(byAcl.data.error).toMatch(/banned from room/i);
		const joined = (await member.members(plenary)).chunk?.filter((m) => m.content['membership'] === 'join').map((m) => m.state_key);
		expect(joined).toContain(member.getUserId());
		expect(joined).not.toContain(outsider.getUserId());
	}, 300_000);
});
