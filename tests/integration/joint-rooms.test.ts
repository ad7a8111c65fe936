// Issue 13, acceptance 4, with the real federation: the joint rooms of the
// pair REFCO–WACAP (docs/network-rooms.md, "Pairs of networks"). REFCO's
// secretariat (on Guatemala's homeserver) and WACAP's (on Nigeria's) each keep
// their network's rooms; REFCO's creates the joint space and channel, WACAP's
// joins the joint space, and each lists it in its own space. A member of
// WACAP joins the joint space from WACAP's space, then the channel. A member
// of CASC (Kazakhstan, whose authority a link ties to Nigeria, so its server
// reaches Nigeria's) is refused by the rooms' server ACL; so is a member of
// REFCO whose authority no link names (El Salvador), though REFCO's space lets
// them past the join rule. The bridges are test accounts and the roster
// names no staff, so nothing is invited that does not exist; the aliases are
// freed before and after, so a later run starts clean.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startSecretariat, type RunningSecretariat } from '../../bridge/matrix/secretariat.ts';
import { keptPassword } from '../../deploy/local/passwords.ts';
import { PROVISIONING_DEVICE, registerAccount } from '../../deploy/local/provision.ts';
import type { LocalHomeserver } from '../../deploy/local/types.ts';
import { jointRoomsPlan, networkRoomsPlan, type NetworkRoomsPlan } from '../../policies/network/index.ts';
import { demoRoster } from '../../policies/roster/testing/demo.ts';
import { REFCO, WACAP } from '../../policies/roster/testing/networks.ts';
import type { AuthorityId, NetworkId } from '../../policies/roster/types.ts';
import { joinedEventually, until } from '../support/bot/bot-room.ts';
import { refused } from '../support/bot/refused.ts';
import { stoppedAfterAll } from '../support/bot/test-processes.ts';
import { freshAccount } from '../support/accounts.ts';
import { homeserverOf } from '../support/federation-info.ts';
import { freeAliases as freeAllOf } from '../support/free-aliases.ts';
import { invitedTo, startNodeClient } from '../support/matrix-node-client.ts';

const federation = inject('federation');
const [gt, sv, ng, kz] = (['gt-mp', 'sv-fgr', 'ng-ca', 'kz-gpo'] as const).map((id) => homeserverOf(federation, id));
const { clients } = stoppedAfterAll();
const KINDS = ['space', 'announcements', 'plenary', 'library'];
const ALIASES: [LocalHomeserver, string][] = [
	...KINDS.map((k): [LocalHomeserver, string] => [gt!, `#rogatory-refco-${k}:${gt!.serverName}`]),
	...KINDS.map((k): [LocalHomeserver, string] => [ng!, `#rogatory-wacap-${k}:${ng!.serverName}`]),
	[gt!, `#rogatory-refco-wacap-space:${gt!.serverName}`],
	[gt!, `#rogatory-refco-wacap-channel:${gt!.serverName}`],
];

/** Rooms left by an earlier run (or by the end-to-end bridges' keepers) lose their aliases, so the keepers create new ones. */
const freeAliases = (): Promise<void> => freeAllOf(ALIASES);
afterAll(freeAliases);

async function secretariatOf(
	hs: LocalHomeserver,
	network: NetworkId,
	plan: NetworkRoomsPlan,
	joints: NonNullable<Parameters<typeof startSecretariat>[0]['joints']>,
	lines: string[],
): Promise<RunningSecretariat> {
	const localpart = `rogatory-secretariat-${network.toLowerCase()}`;
	const account = await registerAccount(hs, localpart, { password: keptPassword(hs.dataDir, localpart), deviceId: PROVISIONING_DEVICE });
	if (!account.ok) throw new Error(account.error);
	return startSecretariat({
		homeserverUrl: hs.clientUrl,
		plan,
		password: account.value.password,
		stateFile: join(mkdtempSync(join(tmpdir(), 'rogatory-joint-')), `${network}.json`),
		retryMs: 1_000,
		log: (line) => lines.push(`${network}: ${line}`),
		joints,
	});
}

describe('the joint rooms of a pair of networks', () => {
	it('let a member of either network in, and refuse a third network’s member and an unlinked member (server ACL)', async () => {
		await freeAliases();
		const bridges = new Map<string, string>();
		for (const hs of [gt, sv, ng]) bridges.set(hs!.serverName, (await freshAccount(federation, hs!.id, 'joint-bridge')).userId);
		const servers = new Map<string, AuthorityId>(
			federation.homeservers.filter((h) => h.id !== 'outsider').map((h) => [h.serverName, h.id as AuthorityId]),
		);
		const roster = { ...demoRoster, people: [] };
		const names = { servers, bridges };
		const planOf = (network: NetworkId, server: string): NetworkRoomsPlan => {
			const made = networkRoomsPlan(roster, network, server, names);
			if (!made.ok) throw new Error(made.error);
			return { ...made.value, linked: [], reports: [] };
		};
		const [refcoPlan, wacapPlan] = [planOf(REFCO.id, gt!.serverName), planOf(WACAP.id, ng!.serverName)];
		const secretariatServers = new Map<NetworkId, string>([
			[REFCO.id, gt!.serverName],
			[WACAP.id, ng!.serverName],
		]);
		const joint = jointRoomsPlan(roster, REFCO.id, WACAP.id, secretariatServers, names);
		if (!joint.ok) throw new Error(joint.error);
		const state = (n: string) => join(mkdtempSync(join(tmpdir(), 'rogatory-joint-')), `${n}.json`);
		const lines: string[] = [];
		const refco = await secretariatOf(
			gt!,
			REFCO.id,
			refcoPlan,
			[{ joint: joint.value, otherSpaceAlias: wacapPlan.space.alias, stateFile: state('rj') }],
			lines,
		);
		const wacap = await secretariatOf(
			ng!,
			WACAP.id,
			wacapPlan,
			[{ joint: joint.value, otherSpaceAlias: refcoPlan.space.alias, stateFile: state('wj') }],
			lines,
		);
		try {
			const loops = [refco.loop, wacap.loop, ...refco.joints, ...wacap.joints];
			let finished = 0;
			for (const loop of loops) void loop.done.then(() => (finished += 1));
			await until(() => finished === loops.length, 'both secretariats finish their rooms and the joint rooms', 600).catch((e: unknown) => {
				throw new Error(`${String(e)}; they logged:\n${lines.join('\n')}`);
			});
		} finally {
			refco.stop();
			wacap.stop();
		}
		expect(lines.filter((l) => l.includes('network: created #rogatory-refco-wacap'))).toHaveLength(2);
		const roomOf = (keeper: RunningSecretariat, alias: string): string => {
			const all = { ...keeper.keeper.rooms() };
			const room = all[alias] ?? undefined;
			if (room === undefined) throw new Error(`no room for ${alias}`);
			return room;
		};
		const [refcoSpace, wacapSpace] = [roomOf(refco, refcoPlan.space.alias), roomOf(wacap, wacapPlan.space.alias)];
		const jointSpace = (await refco.client.getRoomIdForAlias(joint.value.space.alias)).room_id;
		const channel = (await refco.client.getRoomIdForAlias(joint.value.channel.alias)).room_id;

		// A member of WACAP, in WACAP's space, joins the joint space (restricted to either network's space), then the channel.
		const wacapMember = await startNodeClient(await freshAccount(federation, ng!.id, 'joint-wacap'));
		const unlinked = await startNodeClient(await freshAccount(federation, sv!.id, 'joint-refco'));
		const outsider = await startNodeClient(await freshAccount(federation, kz!.id, 'joint-casc'));
		clients.push(wacapMember, unlinked, outsider);
		await wacap.client.invite(wacapSpace, wacapMember.getUserId()!);
		await invitedTo(wacapMember, wacapSpace);
		await wacapMember.joinRoom(wacapSpace, { viaServers: [ng!.serverName] });
		await joinedEventually(wacapMember, jointSpace, [gt!.serverName, ng!.serverName], 'the WACAP member joins the joint space');
		// The channel's server (Guatemala's) vouches for the join once the member's join of the joint space reached it.
		await joinedEventually(wacapMember, channel, [gt!.serverName, ng!.serverName], 'the WACAP member joins the joint channel');
		expect((await wacapMember.getJoinedRooms()).joined_rooms).toContain(channel);
		const channelState = await wacapMember.roomState(channel);
		const acl = channelState.find((e) => e.type === 'm.room.server_acl')?.content as { allow: string[] };
		for (const hs of [gt!, ng!]) expect(acl.allow).toContain(hs.serverName);
		for (const hs of [sv!, kz!]) expect(acl.allow).not.toContain(hs.serverName);

		// A member of CASC: Kazakhstan's server reaches Nigeria's (a link), which refuses it by the ACL.
		const casc = await refused(outsider.joinRoom(channel, { viaServers: [ng!.serverName] }));
		expect(casc.httpStatus).toBe(403);
		expect(casc.message).toMatch(/banned|acl/i);
		// A member of REFCO whom no link names: in REFCO's space, so past the join rule, and still refused by the ACL.
		await refco.client.invite(refcoSpace, unlinked.getUserId()!);
		await invitedTo(unlinked, refcoSpace);
		await unlinked.joinRoom(refcoSpace, { viaServers: [gt!.serverName] });
		for (const room of [jointSpace, channel]) {
			const refusal = await refused(unlinked.joinRoom(room, { viaServers: [gt!.serverName] }));
			expect(refusal.httpStatus).toBe(403);
			expect(refusal.message).toMatch(/banned|acl/i);
		}
	}, 300_000);
});
