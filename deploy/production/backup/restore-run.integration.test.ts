// Issue 15, acceptance 3: backup → wipe → restore of the local production
// run (PostgreSQL, Redis, Synapse's main process and workers, nginx; run.ts)
// while it federates with a development-profile homeserver (El Salvador's,
// the `peers` profile). Before: an officer of Guatemala with cross-signing,
// a recovery key and key backup set up by the web app's own code
// (web/src/lib/matrix/key-setup.ts), a case room with El Salvador and a
// bridge on each side, encrypted history from both servers and an encrypted
// attachment, both registers holding it; the production bridge stopped, then
// one more event it has not seen. Then the services stop, `rogatory backup`
// (command.ts, as an operator runs it) takes the installation, every place
// it was taken from is wiped (Synapse's and Rogatory's configuration with the
// signing key and secrets, the media store, Redis's folder, the logs, the
// bridge's register, secrets and sessions), `rogatory restore` refuses while
// the database still holds Synapse's tables, the database and its role are
// dropped and made again empty with the generator's create-database.sql, and
// `rogatory restore` brings it all back. After the services and the bridge
// start again: the officer signs in with their password on a new device and,
// with the recovery key (web/src/lib/matrix/recovery.ts), reads every old
// event and the attachment; the bridge resumes with its own device from its
// own sync position — the event it missed logged once, nothing logged again,
// a new event once, `verify` and `verify --complete` pass; and a message goes
// each way between the restored server and the peer.
// Not here: the machine's TLS certificate (not in a backup: the host's
// certificate, the run's tls/ folder, stays) and PostgreSQL's cluster (the
// machine's: only Synapse's database and role are dropped).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import Database from 'better-sqlite3';
import type * as sdk from 'matrix-js-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthorityId } from '../../../policies/roster/types.ts';
import {
	botSetup,
	readRegister,
	runBot,
	type BotProcess,
	type BotSetup,
	type RegisterContents,
} from '../../../tests/support/bot/bot-process.ts';
import { bridgeResumes, messageEachWay, readsOldHistory } from '../../../tests/support/after-move.ts';
import { caseRoomWithBots, crossSignedClient, linearSend, until } from '../../../tests/support/bot/bot-room.ts';
import { runCaseFlow, type FlowSend } from '../../../tests/support/bot/case-flow.ts';
import { sendEncryptedAttachment } from '../../../tests/support/case-attachment.ts';
import type { FederationInfo } from '../../../tests/support/federation-info.ts';
import { caseNote as note, loggedIds, untilBackedUp } from '../../../tests/support/history-check.ts';
import { startWithKeyBackup } from '../../../tests/support/key-backup.ts';
import type { LocalFederation } from '../../local/federation.ts';
import { registerAccount } from '../../local/provision.ts';
import type { LocalHomeserver } from '../../local/types.ts';
import { createDatabaseSql } from '../database.ts';
import { DEMO_ADDRESS } from '../local/demo-options.ts';
import { runSql } from '../local/postgres.ts';
import type { ProductionDemo } from '../local/run.ts';
import { startRunWithPeers } from '../local/with-peers.ts';
import { runBackupCommand } from './command.ts';

const AUTHORITY = 'gt-mp' as AuthorityId;
const PEER = 'sv-fgr' as AuthorityId;
const PASSWORD = 'a long production password';

let demo: ProductionDemo | undefined;
let peers: LocalFederation | undefined;
let production: LocalHomeserver;
let bridges: [BotSetup, BotSetup];
/** The bridges' processes, the production one first; it is started again after the restore. */
const processes: BotProcess[] = [];
const clients: sdk.MatrixClient[] = [];
let work: string;

/** What the officer's first device set up and left, for after the restore. */
const before = {
	localpart: '',
	deviceId: '',
	recoveryKey: '',
	room: '',
	/** Every event of the room's history the officer must read again, with the content it was sent with. */
	history: new Map<string, Record<string, unknown>>(),
	attachment: { eventId: '', bytes: new Uint8Array() },
	/** The case event sent while the production bridge was stopped. */
	missed: '',
	bridgeDevice: '',
	register: undefined as RegisterContents | undefined,
};
let requested: sdk.MatrixClient;
let officer: sdk.MatrixClient | undefined;

const said: string[] = [];
const command = async (name: 'backup' | 'restore', argv: string[]): Promise<{ code: number; text: string }> => {
	said.length = 0;
	const code = await runBackupCommand(name, argv, (line) => void said.push(line));
	return { code, text: said.join('\n') };
};

describe('backup, wipe and restore of the local production run', () => {
	beforeAll(async () => {
		const root = process.cwd();
		const started = await startRunWithPeers({
			root,
			dir: join(root, '.data', 'production-restore-test'),
			authority: AUTHORITY,
			only: [PEER],
			// The test's own bridges (their registers are what it backs up and checks).
			rogatory: false,
			log: (line) => console.log(`production run: ${line}`),
		});
		if (!started.ok) throw new Error(started.error);
		({ peers, demo } = started.value);
		setDefaultCACertificates([...getCACertificates('default'), demo.caCert]);
		// The bridges and `verify --complete` are processes of their own: they trust the CA as this process does.
		process.env['NODE_EXTRA_CA_CERTS'] = peers.caCertPath;
		production = demo.homeserver;
		const all = [production, peers.homeserver(PEER)];
		bridges = [await botSetup(production, all), await botSetup(peers.homeserver(PEER), all)];
		for (const b of bridges) processes.push(runBot(b));
		await Promise.all(processes.map((p) => p.logged('bridge running')));
		work = mkdtempSync(join(tmpdir(), 'rogatory-restore-run-'));
	}, 900_000);

	afterAll(async () => {
		for (const c of clients) c.stopClient();
		for (const p of processes) p.child.kill('SIGKILL');
		await peers?.stop();
		const pids = Object.values(demo?.pids() ?? {}).filter((p): p is number => p !== undefined);
		await demo?.stop();
		if (work !== undefined) rmSync(work, { recursive: true, force: true });
		for (const pid of pids) expect(() => process.kill(pid, 0), `pid ${pid} still runs`).toThrow();
	}, 120_000);

	it('has encrypted history from both servers, backed up keys and both registers holding it', async () => {
		const info: FederationInfo = { profile: 'peers', caCertPath: peers!.caCertPath, homeservers: [production, peers!.homeserver(PEER)] };
		before.localpart = `officer-${randomBytes(4).toString('hex')}`;
		const account = await registerAccount(production, before.localpart, { password: PASSWORD });
		if (!account.ok) throw new Error(account.error);
		before.deviceId = account.value.deviceId;
		// The web app's first sign-in: cross-signing, the recovery key, secret storage and a key backup.
		const first = await startWithKeyBackup({ ...account.value, clientUrl: demo!.baseUrl }, PASSWORD);
		const requesting = first.client;
		clients.push(requesting);
		before.recoveryKey = first.recoveryKey;
		expect(await requesting.getCrypto()!.getActiveSessionBackupVersion()).not.toBeNull();

		requested = await crossSignedClient(info, PEER, 'requested');
		clients.push(requested);
		const room = await caseRoomWithBots(
			requesting,
			requested,
			bridges.map((b) => b.userId),
		);
		before.room = room;
		const linear = linearSend(room, { requesting, requested });
		const send: FlowSend = async (side, content) => {
			const id = await linear(side, content);
			before.history.set(id, content);
			return id;
		};
		const flow = await runCaseFlow({ total: 6, requesting: AUTHORITY, requested: PEER, label: 'restore' }, send);
		await send('requested', { msgtype: 'm.text', body: 'Recibido, gracias.' });
		const bytes = new TextEncoder().encode('%PDF-1.4 extracto bancario, antes de la restauración');
		before.attachment = { eventId: await sendEncryptedAttachment(requesting, room, 'extracto.pdf', bytes), bytes };
		for (const bridge of bridges)
			await until(() => flow.sent.every((id) => loggedIds(bridge).includes(id)), `${bridge.userId} logs the flow`, 1800);

		// The production bridge stops (as `systemctl stop rogatory-bridge`); one more case event comes while it is down.
		const [productionBridge] = processes as [BotProcess];
		before.bridgeDevice = /new device (\S+)/.exec(productionBridge.output())?.[1] ?? '';
		expect(before.bridgeDevice).not.toBe('');
		productionBridge.child.kill('SIGTERM');
		expect(await productionBridge.exited).toBe(0);
		before.missed = await send('requesting', note('Sent while the bridge was stopped.'));
		await until(() => loggedIds(bridges[1]).includes(before.missed), 'the peer’s bridge logs the missed event', 600);
		expect(loggedIds(bridges[0])).not.toContain(before.missed);
		before.register = readRegister(bridges[0]);
		expect(before.register?.verify.intact).toBe(true);

		// Every Megolm session of the history is in the key backup before the server stops (the SDK uploads them in the background).
		await untilBackedUp(requesting, room, [...before.history.keys(), before.attachment.eventId]);
		requesting.stopClient();
	}, 300_000);

	it('backs up with `rogatory backup`, is wiped, and `rogatory restore` brings it back onto an empty database', async () => {
		const o = demo!.options;
		const [productionBridge] = bridges;
		const where = [
			'--site',
			productionBridge.sitePath,
			'--synapse-config',
			join(o.configDir, 'homeserver.yaml'),
			'--rogatory-config',
			o.rogatoryConfigDir,
		];
		const backup = join(work, 'backup');
		// The services' processes: PostgreSQL runs on while they are stopped (pids() names it too, for an exit hook).
		const { postgres, ...services } = demo!.pids();
		expect(postgres).toBeDefined();
		const running = Object.values(services).filter((p): p is number => p !== undefined);
		expect(running.length).toBeGreaterThanOrEqual(8);
		await demo!.stopServices();
		for (const pid of running) expect(() => process.kill(pid, 0), `pid ${pid} still runs`).toThrow();
		const made = await command('backup', [...where, '--out', backup]);
		expect(made.text).toContain(`backup of ${DEMO_ADDRESS} written to ${backup}`);
		expect(made.code).toBe(0);

		// Wiped: every place the backup was taken from, and what the services write (Redis's folder, the logs).
		const register = productionBridge.config.registerFile;
		for (const place of [o.configDir, o.dataDir, o.redisDir, o.logDir, productionBridge.config.secretsDir])
			rmSync(place, { recursive: true, force: true });
		for (const file of [register, `${register}-wal`, `${register}-shm`]) rmSync(file, { force: true });
		expect(existsSync(join(o.configDir, 'homeserver.yaml'))).toBe(false);

		// homeserver.yaml is gone with its folder: the restore reads where everything goes from the backup's copy.
		const refused = await command('restore', [...where, '--from', backup]);
		expect(refused.code).toBe(1);
		expect(refused.text).toMatch(/the database synapse already holds \d+ tables: restore needs it empty/);
		expect(existsSync(register)).toBe(false);
		expect(existsSync(o.configDir)).toBe(false);

		// The database and its role dropped, then made again empty with the generator's create-database.sql.
		const sql = join(work, 'recreate.sql');
		writeFileSync(sql, `DROP DATABASE "${o.databaseName}";\nDROP ROLE "${o.databaseUser}";\n${createDatabaseSql(o)}`, { mode: 0o644 });
		const recreated = await runSql(demo!.postgres, sql);
		expect(recreated.ok, recreated.ok ? '' : recreated.error).toBe(true);

		const restored = await command('restore', [...where, '--from', backup]);
		expect(restored.text).toContain(`restored ${DEMO_ADDRESS}`);
		expect(restored.code).toBe(0);
		expect(readFileSync(join(o.configDir, 'homeserver.yaml'), 'utf8')).toBe(
			readFileSync(join(backup, 'synapse-config', 'homeserver.yaml'), 'utf8'),
		);

		const again = await demo!.startServices();
		expect(again.ok, again.ok ? '' : again.error).toBe(true);
		processes[0] = runBot(productionBridge);
		await processes[0].logged('bridge running');
	}, 600_000);

	it('lets the officer sign in on a new device with their password and read the old history with the recovery key', async () => {
		const read = await readsOldHistory(production, demo!.baseUrl, PASSWORD, before);
		officer = read;
		clients.push(read);
	}, 180_000);

	it('resumes the bridge from where it was: its own device and position, the missed event once, nothing again, a new event once', async () => {
		await bridgeResumes(bridges, processes[0]!, officer!, before, 'Sent after the restore.');
		// Nothing seen twice: the register's record of what it read holds each event once.
		const seen = new Database(bridges[0].config.registerFile, { readonly: true });
		try {
			expect(seen.prepare('SELECT count(*) - count(DISTINCT event_id) AS extra FROM seen_events').get()).toEqual({ extra: 0 });
		} finally {
			seen.close();
		}
	}, 180_000);

	it('federates again: a message each way between the restored server and the peer', async () => {
		await messageEachWay(officer!, requested, before.room, [
			'Tras la restauración, desde producción',
			'Tras la restauración, desde El Salvador',
		]);
	}, 120_000);
});
