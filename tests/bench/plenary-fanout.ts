// Metric `plenary_fanout` (issue 13, acceptance 7): a plenary room spanning
// one network at its real size — REFCO's ten homeservers, from the roster file
// tests/bench/plenary-fanout/roster.yaml, in a federation this bench starts
// (profile `fanout`, no outsider) and stops — and how long a message from one
// member takes until the LAST of the other members, one on each other
// homeserver, has decrypted it. Baseline, in the same run and federation: the
// same from the same sender in a room of two servers (the first two of the
// roster). Sends alternate between the two rooms so that machine noise falls
// on both alike. Then the resident memory of the ten Synapses, against the
// same right after they started.
// Both rooms are made from the network-room template (policies/network):
// room version 12, Megolm, a server ACL naming exactly the room's servers,
// history shared. Every member is cross-signed and every client shares keys
// with cross-signed devices only, as the web app and the bridge do
// (MSC4153; ARCHITECTURE.md, decision 5).
// NOTE: the ten clients run in this one Node process: the last member's time
// includes waiting for the others' decryption on the same event loop (a few
// milliseconds each), which the two-server baseline does not.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as sdk from 'matrix-js-sdk';
import { OnlySignedDevicesIsolationMode } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { homeserverFiles } from '../../deploy/config/layout.ts';
import { startFederation, type LocalFederation, type LocalHomeserver } from '../../deploy/local/federation.ts';
import { loadDeployment } from '../../deploy/roster/load.ts';
import { roomMarker } from '../../policies/network/marker.ts';
import { networkRoomRequest } from '../../policies/network/template.ts';
import { partiesOnlyAcl } from '../../policies/rooms/server-acl.ts';
import { describeErrors } from '../../policies/roster/file/index.ts';
import type { NetworkId, Roster } from '../../policies/roster/types.ts';
import { crossSignedClient, joined, until } from '../support/bot/bot-room.ts';
import type { FederationInfo } from '../support/federation-info.ts';
import { decryptedMessage, invitedTo } from '../support/matrix-node-client.ts';
import { fanoutPlan, type FanoutPlan } from './fanout-plan.ts';
import { memorySummary, residentKiB, type MemorySummary } from './process-memory.ts';
import { percentile, report } from './stats.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const ROSTER = join(import.meta.dirname, 'plenary-fanout', 'roster.yaml');
const MESSAGES = 30;
const WARM_UPS = 2;
/** Ten Synapses on two busy cores take minutes; past this the start fails with the names of those still silent and their logs. */
const START_TIMEOUT_MS = 15 * 60_000;

const progress = (line: string): void => console.error(`[plenary_fanout] ${line}`);

interface Member {
	readonly homeserver: LocalHomeserver;
	readonly client: sdk.MatrixClient;
}

/** A room of the network-room template (a plenary's) with these members, all joined, each seen joined by the sender. */
async function plenaryRoom(network: NetworkId, sender: Member, others: readonly Member[]): Promise<string> {
	const acl = partiesOnlyAcl([sender, ...others].map((m) => m.homeserver.serverName));
	if (!acl.ok) throw new Error(acl.error);
	const request = networkRoomRequest({
		marker: roomMarker('plenary', [network]),
		aliasLocalpart: `rogatory-bench-plenary-${randomBytes(4).toString('hex')}`,
		acl: acl.value,
		joinRule: { join_rule: 'invite' },
		creator: sender.client.getSafeUserId(),
		users: {},
	});
	const { room_id: roomId } = await sender.client.createRoom(request as unknown as sdk.ICreateRoomOpts);
	for (const other of others) await sender.client.invite(roomId, other.client.getSafeUserId());
	await Promise.all(
		others.map(async ({ client }) => {
			await invitedTo(client, roomId);
			await client.joinRoom(roomId, { viaServers: [sender.homeserver.serverName] });
		}),
	);
	await until(
		() => others.every(({ client }) => joined(sender.client, roomId, client.getSafeUserId())),
		`the sender sees all ${others.length} members joined`,
		3000,
	);
	return roomId;
}

/** From the send until the last receiver has decrypted the message, with the first receiver's time beside it. */
async function deliveryMs(
	sender: Member,
	receivers: readonly Member[],
	roomId: string,
	body: string,
): Promise<{ last: number; first: number }> {
	const arrivals = receivers.map(({ client }) => decryptedMessage(client, roomId, (b) => b === body).then(() => performance.now()));
	const t0 = performance.now();
	await sender.client.sendTextMessage(roomId, body);
	const times = await Promise.all(arrivals);
	return { last: Math.max(...times) - t0, first: Math.min(...times) - t0 };
}

/** The resident memory of each homeserver's Synapse, by its pid file. */
function homeserverMemory(homeservers: readonly LocalHomeserver[]): MemorySummary {
	const readings = new Map<string, number>();
	for (const hs of homeservers) {
		const pid = Number(readFileSync(homeserverFiles(hs.dataDir).pid, 'utf8').trim());
		readings.set(hs.id, residentKiB(pid));
	}
	return memorySummary(readings);
}

/** The bench roster file, checked, and what the bench does with it. */
function readPlan(): { plan: FanoutPlan; roster: Roster } {
	const read = loadDeployment({ roster: ROSTER, sites: [] });
	if (!read.ok) throw new Error(`the bench roster cannot be used:\n\n${describeErrors(read.error)}`);
	const plan = fanoutPlan(read.value.runtime);
	if (!plan.ok) throw new Error(`${ROSTER}: ${plan.error}`);
	return { plan: plan.value, roster: read.value.runtime };
}

async function measure(federation: LocalFederation, plan: FanoutPlan): Promise<void> {
	const idle = homeserverMemory(federation.homeservers);
	progress(`the ${federation.homeservers.length} homeservers hold ${idle.totalMiB} MiB at rest; creating one cross-signed member on each`);
	const info: FederationInfo = { profile: federation.profile, caCertPath: federation.caCertPath, homeservers: federation.homeservers };
	const members: Member[] = [];
	try {
		for (const id of plan.members) {
			const client = await crossSignedClient(info, id, 'fanout-member');
			client.getCrypto()!.setDeviceIsolationMode(new OnlySignedDevicesIsolationMode());
			members.push({ homeserver: federation.homeserver(id), client });
		}
		const [sender, ...receivers] = members;
		const pairReceiver = members.find((m) => m.homeserver.id === plan.pair[1]);
		if (sender === undefined || pairReceiver === undefined) throw new Error('the plan has no sender or no second member');

		progress(`creating the plenary room (${members.length} servers) and the two-server room`);
		const plenary = await plenaryRoom(plan.network, sender, receivers);
		const pairRoom = await plenaryRoom(plan.network, sender, [pairReceiver]);
		progress(`warming up: key sharing and device-list queries, ${WARM_UPS} messages in each room`);
		for (let i = 0; i < WARM_UPS; i++) {
			await deliveryMs(sender, receivers, plenary, `warm-up ${i}`);
			await deliveryMs(sender, [pairReceiver], pairRoom, `warm-up ${i}`);
		}

		const wide: { last: number; first: number }[] = [];
		const two: number[] = [];
		for (let i = 0; i < MESSAGES; i++) {
			wide.push(await deliveryMs(sender, receivers, plenary, `plenary ${i}`));
			two.push((await deliveryMs(sender, [pairReceiver], pairRoom, `pair ${i}`)).last);
			if ((i + 1) % 10 === 0) progress(`${i + 1}/${MESSAGES} messages in each room`);
		}
		const after = homeserverMemory(federation.homeservers);

		for (const p of [50, 95]) {
			report({
				metric: `plenary_fanout.p${p}`,
				value: percentile(
					wide.map((w) => w.last),
					p,
				),
				unit: 'ms',
				baseline: percentile(two, p),
				baseline_is: `the same sender in a two-server room (${plan.pair.join(' + ')}), same run and federation`,
				n: MESSAGES,
				servers: members.length,
				until: `decrypted by the last of the ${receivers.length} other members, one on each other homeserver`,
				first_member_ms: Math.round(
					percentile(
						wide.map((w) => w.first),
						p,
					),
				),
				path: `${plan.sender} → ${plan.network}'s ${receivers.length} other homeservers, Megolm, room version 12, server ACL, Rust crypto in Node`,
			});
		}
		report({
			metric: 'plenary_fanout.memory',
			value: after.totalMiB,
			unit: 'MiB',
			baseline: idle.totalMiB,
			baseline_is: 'the same homeservers right after they started, before the bench’s accounts and rooms',
			n: federation.homeservers.length,
			per_server_max_mib: after.maxMiB,
			per_server_max_of: after.maxOf,
			per_server_mib: after.byNameMiB,
			source: 'VmRSS of each Synapse process (/proc/<pid>/status), after the run; shared pages counted once per process',
		});
	} finally {
		for (const { client } of members) client.stopClient();
	}
}

export async function plenaryFanout(): Promise<void> {
	const { plan, roster } = readPlan();
	progress(
		`starting ${plan.members.length} homeservers of ${plan.network} (profile fanout); on a busy two-core machine this takes minutes`,
	);
	const started = await startFederation({
		profile: 'fanout',
		roster,
		root: ROOT,
		onProgress: (line) => console.error(`[fanout federation] ${line}`),
		timeoutMs: START_TIMEOUT_MS,
	});
	if (!started.ok) throw new Error(started.error.message);
	try {
		await measure(started.value, plan);
	} finally {
		progress('stopping the homeservers');
		await started.value.stop();
	}
}
