// Issue 13, the reports a bridge sends its network's secretariat, with the
// real federation (docs/secretariat-reports.md): REFCO's service account, on
// Guatemala's homeserver, creates a reports room per authority (invitation
// only, outside the space) and invites each bridge and the staff. Guatemala's
// bridge, with its site's consent, joins its own and sends — encrypted, from
// a real register file, on three days — its register's head and its
// statistics; El Salvador's bridge, without consent, joins nothing and sends
// nothing. The staff's cross-signed client reads and decrypts the rooms: only
// what Guatemala's bridge said about Guatemala counts — a clear-text head from
// the service account and a head about Guatemala from El Salvador's bridge
// are set aside, each with its reason; the staff cannot post, the bridge
// cannot redact a head. The heads become the witness file; the register is
// then rewritten (a row changed and every later row re-hashed) and
// `verify --witness` fails naming that row (acceptance 6); the statistics hold
// no title, reference, name or ID of the case (part of acceptance 5). The
// bridges are test accounts; the aliases are freed before and after.
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as sdk from 'matrix-js-sdk';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readReportsRooms } from '../../bridge/matrix/reports-reader.ts';
import { sdkReportsClient } from '../../bridge/matrix/reports-client.ts';
import { startSecretariat, type RunningSecretariat } from '../../bridge/matrix/secretariat.ts';
import { runCli } from '../../bridge/register/cli-commands.ts';
import { batch, MLA_HISTORY, must, open, OTHER_HISTORY, REGISTER_CONTEXT, rewriteRegister } from '../../bridge/register/testing.ts';
import { Reporter } from '../../bridge/reports/reporter.ts';
import { registerReportSource } from '../../bridge/reports/source.ts';
import { readReportsState } from '../../bridge/reports/state-file.ts';
import { keptPassword } from '../../deploy/local/passwords.ts';
import { PROVISIONING_DEVICE, registerAccount } from '../../deploy/local/provision.ts';
import { AMINA, ANA, OPENED, OTHER_ROOM, ROOM, TUNDE } from '../../policies/cases/testing/fixtures.ts';
import { networkRoomsPlan, type NetworkRoomsPlan } from '../../policies/network/index.ts';
import { buildWitnessContent, networkPicture, witnessFileText } from '../../policies/reports/index.ts';
import { reportPeriod } from '../../policies/reports/schedule.ts';
import { ok } from '../../policies/result.ts';
import { demoRoster, EL_SALVADOR, GUATEMALA } from '../../policies/roster/testing/demo.ts';
import { REFCO } from '../../policies/roster/testing/networks.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { crossSignedClient, until } from '../support/bot/bot-room.ts';
import { refused } from '../support/bot/refused.ts';
import { stoppedAfterAll } from '../support/bot/test-processes.ts';
import { homeserverOf } from '../support/federation-info.ts';
import { freeAliases as freeAllOf } from '../support/free-aliases.ts';
import { invitedTo } from '../support/matrix-node-client.ts';
import { botSetup, readRegister } from '../support/bot/bot-process.ts';

const federation = inject('federation');
const [gt, sv] = (['gt-mp', 'sv-fgr'] as const).map((id) => homeserverOf(federation, id));
const { clients, bot: start } = stoppedAfterAll();
const SERVICE_LOCALPART = `rogatory-secretariat-${REFCO.id.toLowerCase()}`;
const ALIASES = ['space', 'reports-gt-mp', 'reports-sv-fgr'].map((kind) => `#rogatory-refco-${kind}:${gt!.serverName}`);
const DAY = 86_400_000;

const freeAliases = (): Promise<void> => freeAllOf(ALIASES.map((a) => [gt!, a] as const));
const secretariats: RunningSecretariat[] = [];
afterAll(async () => {
	for (const s of secretariats) s.stop();
	await freeAliases();
});

const localpartOf = (userId: string): string => userId.slice(1).split(':')[0]!;
const folder = (): string => mkdtempSync(join(tmpdir(), 'rogatory-reports-'));

/** REFCO's keeper, with `staff` as its secretariat and these bridges, creates the space and the two reports rooms. */
async function keepReportsRooms(staff: sdk.MatrixClient, gtBridge: string, svBridge: string) {
	await freeAliases();
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
		[gt!.serverName, gtBridge],
		[sv!.serverName, svBridge],
	]);
	const planned = networkRoomsPlan(roster, REFCO.id, gt!.serverName, { servers, bridges });
	if (!planned.ok) throw new Error(planned.error);
	// The rooms of the space are network-rooms.test.ts's: this run keeps the space and the reports rooms.
	const plan: NetworkRoomsPlan = { ...planned.value, children: [], linked: [] };
	const service = await registerAccount(gt!, SERVICE_LOCALPART, {
		password: keptPassword(gt!.dataDir, SERVICE_LOCALPART),
		deviceId: PROVISIONING_DEVICE,
	});
	if (!service.ok) throw new Error(service.error);
	const lines: string[] = [];
	const running = await startSecretariat({
		homeserverUrl: gt!.clientUrl,
		plan,
		password: service.value.password,
		stateFile: join(folder(), 'network-rooms.json'),
		retryMs: 1_000,
		log: (line) => lines.push(line),
	});
	secretariats.push(running);
	let finished = false;
	void running.loop.done.then(() => (finished = true));
	await until(() => finished, 'the keeper finishes').catch((e: unknown) => {
		throw new Error(`${String(e)}; it logged:\n${lines.join('\n')}`);
	});
	const rooms = running.keeper.rooms();
	const gtReports = rooms[`#rogatory-refco-reports-gt-mp:${gt!.serverName}`]!;
	const svReports = rooms[`#rogatory-refco-reports-sv-fgr:${gt!.serverName}`]!;
	expect(gtReports).toMatch(/^!/);
	expect(svReports).toMatch(/^!/);
	// The staff read both rooms: they join before anything is sent, so every report is encrypted to them too.
	for (const room of [gtReports, svReports]) {
		await invitedTo(staff, room);
		await staff.joinRoom(room);
		await until(async () => (await staff.getCrypto()!.isEncryptionEnabledInRoom(room)) === true, 'the staff see the room encrypted');
	}
	return { plan, secretariat: running, gtReports, svReports };
}

describe('the reports rooms', () => {
	it('carry a consenting bridge’s heads and statistics to the staff, and the heads catch a rewritten register', async () => {
		const staff = await crossSignedClient(federation, gt!.id, 'rep-staff');
		const bridgeGt = await crossSignedClient(federation, gt!.id, 'rep-bridge');
		const bridgeSv = await crossSignedClient(federation, sv!.id, 'rep-bridge');
		clients.push(staff, bridgeGt, bridgeSv);
		const { plan, secretariat, gtReports, svReports } = await keepReportsRooms(staff, bridgeGt.getUserId()!, bridgeSv.getUserId()!);

		const denied = await refused(staff.sendTextMessage(gtReports, 'the staff write'));
		expect(denied.httpStatus).toBe(403);

		// Guatemala's register, a real file, filled over three days; its bridge reports after each.
		const registerFile = join(folder(), 'register.sqlite');
		const register = open(registerFile);
		const clock = { now: Date.parse('2026-03-01T02:00:00Z') };
		const stateFile = join(folder(), 'reports.json');
		const reportLines: string[] = [];
		const reporter = new Reporter(
			sdkReportsClient(bridgeGt),
			{
				consent: true,
				authority: GUATEMALA.id,
				networks: new Map([[REFCO.id, [gt!.serverName]]]),
				statisticsEveryHours: 24,
				stateFile,
				source: registerReportSource(register, REGISTER_CONTEXT.roster, REGISTER_CONTEXT.servers, GUATEMALA.id),
				now: () => new Date(clock.now),
			},
			(l) => reportLines.push(l),
		);
		await invitedTo(bridgeGt, gtReports);
		const days = [MLA_HISTORY.slice(0, 3), MLA_HISTORY.slice(3, 4), [...MLA_HISTORY.slice(4), ...OTHER_HISTORY]];
		for (const [i, events] of days.entries()) {
			must(register.ingest(batch(events, `s${i}`)));
			const period = reportPeriod(clock.now, 24);
			const sent = () => readReportsState(stateFile).sent[gtReports];
			await until(
				async () => {
					await reporter.tick();
					return sent()?.witness?.period === period && sent()?.statistics?.period === period;
				},
				`day ${i + 1}'s reports are sent`,
				600,
				200,
			).catch((e: unknown) => {
				throw new Error(`${String(e)}; the reporter logged:\n${reportLines.join('\n')}`);
			});
			clock.now += DAY;
		}
		const heads = must(register.logHead());
		register.close();
		expect(heads.seq).toBe(13);
		// No double send: another tick in the last period sends nothing more.
		clock.now -= DAY;
		const before = reportLines.filter((l) => l.startsWith('reports: sent')).length;
		await reporter.tick();
		expect(reportLines.filter((l) => l.startsWith('reports: sent'))).toHaveLength(before);
		expect(before).toBe(6);

		// El Salvador's bridge, without consent: invited, it neither joins nor sends.
		await invitedTo(bridgeSv, svReports);
		const svState = join(folder(), 'reports.json');
		const silent = new Reporter(
			sdkReportsClient(bridgeSv),
			{
				consent: false,
				authority: EL_SALVADOR.id,
				networks: new Map([[REFCO.id, [gt!.serverName]]]),
				statisticsEveryHours: 24,
				stateFile: svState,
				source: { head: () => ok({ seq: 1, hash: 'f'.repeat(64) }), statistics: () => ({ ok: false, error: 'not here' }) },
			},
			() => {},
		);
		for (let i = 0; i < 3; i++) await silent.tick();
		expect(bridgeSv.getRoom(svReports)?.getMyMembership()).toBe('invite');
		expect(existsSync(svState)).toBe(false);

		// Who else could speak for Guatemala: the service account in the clear, El Salvador's bridge encrypted in its own room.
		const built = buildWitnessContent({ authority: GUATEMALA.id, seq: 13, hash: 'e'.repeat(64), at: '2026-03-03T02:00:00Z' });
		if (!built.ok) throw new Error(built.error.reason);
		const forgedHead = built.value;
		const clear = await secretariat.client.http.authedRequest<{ event_id: string }>(
			sdk.Method.Put,
			`/rooms/${encodeURIComponent(gtReports)}/send/m.room.message/forged-${randomBytes(4).toString('hex')}`,
			undefined,
			forgedHead,
		);
		await bridgeSv.joinRoom(svReports);
		await until(
			async () => (await bridgeSv.getCrypto()!.isEncryptionEnabledInRoom(svReports)) === true,
			'El Salvador’s bridge sees its room encrypted',
		);
		const byOther = await bridgeSv.sendEvent(svReports, sdk.EventType.RoomMessage, forgedHead as never);

		// The bridge cannot take back a head it sent.
		const firstHead = readReportsState(stateFile).sent[gtReports]!.witness!.eventId;
		const redaction = await refused(bridgeGt.redactEvent(gtReports, firstHead));
		expect(redaction.httpStatus).toBe(403);

		// The staff read: three heads and three statistics from Guatemala's bridge; both forgeries set aside with their reasons.
		const bridgeOf = new Map<AuthorityId, string>([
			[GUATEMALA.id, bridgeGt.getUserId()!],
			[EL_SALVADOR.id, bridgeSv.getUserId()!],
		]);
		let reading = await readReportsRooms(staff, [gtReports, svReports], plan.serviceAccount, bridgeOf);
		await until(
			async () => {
				reading = await readReportsRooms(staff, [gtReports, svReports], plan.serviceAccount, bridgeOf);
				return reading.heads.length === 3 && reading.stats.length === 3 && reading.ignored.length === 2;
			},
			'the staff decrypt every report',
			300,
			200,
		).catch((e: unknown) => {
			throw new Error(`${String(e)}; read: ${JSON.stringify(reading)}`);
		});
		expect(reading.rooms).toEqual([]);
		expect(reading.heads.map((h) => [h.authority, h.seq])).toEqual([
			[GUATEMALA.id, 3],
			[GUATEMALA.id, 4],
			[GUATEMALA.id, 13],
		]);
		expect(reading.heads[2]!.hash).toBe(heads.hash);
		const reasons = new Map(reading.ignored.map((i) => [i.eventId, i.reason]));
		expect(reasons.get(clear.event_id)).toMatch(/^not-encrypted: /);
		expect(reasons.get(byOther.event_id)).toBe(
			`${bridgeSv.getUserId()!} is not the bridge of gt-mp (${bridgeGt.getUserId()!}): its report is not taken`,
		);

		// The statistics: the network's picture counts Guatemala's request, and nothing of the case rides along.
		const picture = networkPicture(reading.stats, REFCO.id);
		expect(picture.authorities.map((a) => [a.authority, a.sent, a.received])).toEqual([[GUATEMALA.id, 1, 1]]);
		const received = JSON.stringify([reading.stats, reading.heads]);
		const markers = [
			OPENED.fields.title,
			'Cóndor',
			OPENED.fields.requestingReference,
			'CA/MLA/2025/041',
			'Bank contacted',
			'Trial date',
			ROOM,
			OTHER_ROOM,
			ANA,
			AMINA,
			TUNDE,
			'ana.lopez',
			'$open',
		];
		for (const marker of markers) expect(received).not.toContain(marker);

		// The witness file, then the register rewritten from row 4 on: verify --witness names row 4.
		const witnessFile = join(folder(), 'heads.json');
		writeFileSync(witnessFile, witnessFileText(reading.heads));
		const deployment = () => ok({ roster: demoRoster, authority: GUATEMALA.id, registerFile });
		const verify = () => runCli(['verify', '--witness', witnessFile, '--authority', GUATEMALA.id, registerFile], deployment, new Date());
		const intact = verify();
		expect(intact.code).toBe(0);
		expect(intact.stdout).toMatch(/intact \(13 rows\) and agrees with 3 witnessed heads of gt-mp/);
		rewriteRegister(registerFile, 4, (row) => ({ ...row, originServerTs: row.originServerTs - 1 }));
		const rewritten = verify();
		expect(rewritten.code).toBe(1);
		expect(rewritten.stderr).toContain('differs from the witnessed history');
		expect(rewritten.stderr).toContain('seq 4 ($t2) is the first row that differs from the witnessed history');
	}, 300_000);

	it('are joined and written by the bridge process only with its site’s consent', async () => {
		const staff = await crossSignedClient(federation, gt!.id, 'rep-staff');
		clients.push(staff);
		const setupGt = await botSetup(gt!, federation.homeservers);
		const setupSv = await botSetup(sv!, federation.homeservers);
		// Guatemala's administrators consent in its site file; El Salvador's site says nothing (no consent).
		appendFileSync(setupGt.sitePath, '  report_to_secretariat: true\n');
		const { plan, gtReports, svReports } = await keepReportsRooms(staff, setupGt.userId, setupSv.userId);
		const botGt = start(setupGt);
		const botSv = start(setupSv);
		await botGt.logged(`reports: joined the REFCO reports room ${gtReports}`);
		await botGt.logged('reports: sent the witness report to REFCO');
		await botGt.logged('reports: sent the statistics report to REFCO');
		await botSv.logged(`invitation to ${svReports} from ${plan.serviceAccount}: a reports room, left to the reporter`);

		const bridgeOf = new Map<AuthorityId, string>([
			[GUATEMALA.id, setupGt.userId],
			[EL_SALVADOR.id, setupSv.userId],
		]);
		let reading = await readReportsRooms(staff, [gtReports, svReports], plan.serviceAccount, bridgeOf);
		await until(
			async () => {
				reading = await readReportsRooms(staff, [gtReports, svReports], plan.serviceAccount, bridgeOf);
				return reading.heads.length === 1 && reading.stats.length === 1;
			},
			'the staff decrypt the bridge process’s reports',
			300,
			200,
		).catch((e: unknown) => {
			throw new Error(`${String(e)}; read: ${JSON.stringify(reading)}; the bot logged:\n${botGt.output()}`);
		});
		expect(reading.ignored).toEqual([]);
		expect(reading.heads[0]!.authority).toBe(GUATEMALA.id);
		expect(reading.stats[0]!).toMatchObject({ authority: GUATEMALA.id, network: REFCO.id });

		// El Salvador's bridge: still only invited, nothing sent, the invitation not even in its register.
		const svMembership = (await staff.members(svReports)).chunk?.find((m) => m.state_key === setupSv.userId)?.content['membership'];
		expect(svMembership).toBe('invite');
		expect(botSv.output()).not.toMatch(/reports: (joined|sent)/);
		expect(readRegister(setupSv)?.snapshot.invitations.map((i) => i.roomId) ?? []).not.toContain(svReports);
		// Guatemala's case register holds nothing of its reports room either.
		expect(readRegister(setupGt)?.snapshot.invitations.map((i) => i.roomId) ?? []).not.toContain(gtReports);
		expect(readRegister(setupGt)?.snapshot.eventLog.map((r) => r.roomId) ?? []).not.toContain(gtReports);
	}, 300_000);
});
