// Issue 15, acceptance 2: an authority's state from a development run on
// SQLite moved to PostgreSQL with `rogatory move-to-postgres`
// (synapse_port_db; command.ts, as an operator runs it), then run by the
// local production installation (PostgreSQL, Redis, Synapse's main process
// and workers, nginx; local/run.ts). The development run is Guatemala's
// homeserver as `npm start` runs one (deploy/local's Synapse and config:
// SQLite), under the server name the installation has — `127.0.70.1`; a
// name never changes in a move (local/development-run.ts) — federating
// with El Salvador's development homeserver (the `peers` profile). On it: an
// officer with cross-signing, a recovery key and key backup set up by the web
// app's own code, a case room with a bridge on each side, encrypted history
// from both servers and an encrypted attachment, both registers holding it.
// Then: the move refused while the target database holds a table of its
// own; the snapshot pass while the SQLite server runs; one more case event
// after it; the bridge stopped and one more event it has not seen; the
// SQLite server stopped; the final pass, and a third refused (the move
// finished); the installation's services started on the moved database.
// After: the officer signs in with their password on a new device and, with
// the recovery key, reads every old event and the attachment; the bridge —
// the same register and device, its config pointed at the installation —
// resumes from its own sync position, logs the event it missed and a new one
// once each, `verify` and `verify --complete` pass; a message goes each way
// between the moved server and the peer.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
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
import { caseNote, loggedIds, untilBackedUp } from '../../../tests/support/history-check.ts';
import { startWithKeyBackup } from '../../../tests/support/key-backup.ts';
import type { LocalFederation } from '../../local/federation.ts';
import { registerAccount } from '../../local/provision.ts';
import { DEMO_ADDRESS } from '../local/demo-options.ts';
import { startDevelopmentRun, type DevelopmentRun } from '../local/development-run.ts';
import { startDemoPeers } from '../local/peers.ts';
import { runSql } from '../local/postgres.ts';
import { startProductionDemo, type ProductionDemo } from '../local/run.ts';
import { runMoveCommand } from './command.ts';

const AUTHORITY = 'gt-mp' as AuthorityId;
const PEER = 'sv-fgr' as AuthorityId;
const PASSWORD = 'a long production password';
const root = process.cwd();
const base = join(root, '.data', 'production-move-test');

let peers: LocalFederation | undefined;
let development: DevelopmentRun | undefined;
let demo: ProductionDemo | undefined;
let bridges: [BotSetup, BotSetup];
/** The bridges' processes, Guatemala's first; it is started again on the installation. */
const processes: BotProcess[] = [];
const clients: sdk.MatrixClient[] = [];
let work: string;

const before = {
	localpart: '',
	deviceId: '',
	recoveryKey: '',
	room: '',
	/** Every event of the room's history the officer must read again, with the content it was sent with. */
	history: new Map<string, Record<string, unknown>>(),
	attachment: { eventId: '', bytes: new Uint8Array() },
	/** The case event sent after the snapshot pass: only the final pass carries it. */
	afterSnapshot: '',
	/** The case event sent while Guatemala's bridge was stopped. */
	missed: '',
	bridgeDevice: '',
	register: undefined as RegisterContents | undefined,
};
let requesting: sdk.MatrixClient;
let requested: sdk.MatrixClient;
let officer: sdk.MatrixClient | undefined;

const move = async (argv: string[]): Promise<{ code: number; text: string }> => {
	const said: string[] = [];
	const begun = Date.now();
	const code = await runMoveCommand(argv, (line) => void said.push(line));
	console.log(
		`move-to-postgres ${argv.includes('--final') ? '--final ' : ''}(exit ${code}, ${Date.now() - begun} ms):\n${said.join('\n')}`,
	);
	return { code, text: said.join('\n') };
};
const ends = (): string[] => {
	const o = demo!.options;
	return [
		'--from',
		development!.files.config,
		'--synapse-config',
		join(o.configDir, 'homeserver.yaml'),
		'--synapse-python',
		o.synapsePython,
	];
};

describe('moving an authority from its development run on SQLite to PostgreSQL', () => {
	beforeAll(async () => {
		const log = (line: string) => console.log(`move run: ${line}`);
		const started = await startDemoPeers({ root, authority: AUTHORITY, only: [PEER], log: (line) => log(`peers: ${line}`) });
		if (!started.ok) throw new Error(started.error);
		peers = started.value.federation;
		setDefaultCACertificates([...getCACertificates('default'), readFileSync(peers.caCertPath, 'utf8')]);
		// The bridges and `verify --complete` are processes of their own: they trust the CA as this process does.
		process.env['NODE_EXTRA_CA_CERTS'] = peers.caCertPath;
		const dev = await startDevelopmentRun({
			root,
			dir: join(base, 'development'),
			authority: AUTHORITY,
			federation: started.value.demo,
			log,
		});
		if (!dev.ok) throw new Error(dev.error);
		development = dev.value;
		const all = [development.homeserver, peers.homeserver(PEER)];
		bridges = [await botSetup(development.homeserver, all), await botSetup(peers.homeserver(PEER), all)];
		for (const b of bridges) processes.push(runBot(b));
		await Promise.all(processes.map((p) => p.logged('bridge running')));
		const installation = await startProductionDemo({
			root,
			dir: join(base, 'production'),
			authority: AUTHORITY,
			federation: started.value.demo,
			awaitingMove: true,
			// The moved server's bridge is the test's own (its register came from the development run).
			rogatory: false,
			log,
		});
		if (!installation.ok) throw new Error(installation.error);
		demo = installation.value;
		work = mkdtempSync(join(tmpdir(), 'rogatory-move-run-'));
	}, 900_000);

	afterAll(async () => {
		for (const c of clients) c.stopClient();
		for (const p of processes) p.child.kill('SIGKILL');
		await development?.stop();
		await peers?.stop();
		const pids = Object.values(demo?.pids() ?? {}).filter((p): p is number => p !== undefined);
		await demo?.stop();
		if (work !== undefined) rmSync(work, { recursive: true, force: true });
		for (const pid of pids) expect(() => process.kill(pid, 0), `pid ${pid} still runs`).toThrow();
	}, 120_000);

	it('has encrypted history from both servers on the SQLite server, backed up keys and both registers holding it', async () => {
		const info: FederationInfo = {
			profile: 'peers',
			caCertPath: peers!.caCertPath,
			homeservers: [development!.homeserver, peers!.homeserver(PEER)],
		};
		before.localpart = `officer-${randomBytes(4).toString('hex')}`;
		const account = await registerAccount(development!.homeserver, before.localpart, { password: PASSWORD });
		if (!account.ok) throw new Error(account.error);
		before.deviceId = account.value.deviceId;
		const first = await startWithKeyBackup({ ...account.value, clientUrl: development!.homeserver.clientUrl }, PASSWORD);
		requesting = first.client;
		clients.push(requesting);
		before.recoveryKey = first.recoveryKey;
		requested = await crossSignedClient(info, PEER, 'requested');
		clients.push(requested);
		before.room = await caseRoomWithBots(
			requesting,
			requested,
			bridges.map((b) => b.userId),
		);
		const linear = linearSend(before.room, { requesting, requested });
		const send: FlowSend = async (side, content) => {
			const id = await linear(side, content);
			before.history.set(id, content);
			return id;
		};
		const flow = await runCaseFlow({ total: 6, requesting: AUTHORITY, requested: PEER, label: 'move' }, send);
		await send('requested', { msgtype: 'm.text', body: 'Recibido, gracias.' });
		const bytes = new TextEncoder().encode('%PDF-1.4 extracto bancario, antes del traslado');
		before.attachment = { eventId: await sendEncryptedAttachment(requesting, before.room, 'extracto.pdf', bytes), bytes };
		for (const bridge of bridges)
			await until(() => flow.sent.every((id) => loggedIds(bridge).includes(id)), `${bridge.userId} logs the flow`, 1800);
		expect(readRegister(bridges[0])?.verify.intact).toBe(true);
	}, 300_000);

	it('refuses a target database with a table of its own, then moves a snapshot while the SQLite server runs', async () => {
		const stray = join(work, 'stray.sql');
		writeFileSync(stray, `\\connect ${demo!.options.databaseName}\nCREATE TABLE stray (id integer);\n`, { mode: 0o644 });
		expect((await runSql(demo!.postgres, stray)).ok).toBe(true);
		const refused = await move(ends());
		expect(refused.code).toBe(1);
		expect(refused.text).toContain(`the database ${demo!.options.databaseName} already holds 1 tables that no move put there`);
		writeFileSync(stray, `\\connect ${demo!.options.databaseName}\nDROP TABLE stray;\n`, { mode: 0o644 });
		expect((await runSql(demo!.postgres, stray)).ok).toBe(true);

		// Synapse's background updates of a new SQLite database may still run: synapse_port_db refuses until they are done.
		let snapshot = await move(ends());
		for (let i = 0; i < 24 && snapshot.code !== 0 && snapshot.text.includes('background updates'); i++) {
			await new Promise((r) => setTimeout(r, 5_000));
			snapshot = await move(ends());
		}
		expect(snapshot.text).toContain(`snapshot of ${DEMO_ADDRESS} moved`);
		expect(snapshot.text).toMatch(/ {2}events: \d+ rows/);
		expect(snapshot.code).toBe(0);

		// After the snapshot: a case event only the final pass carries, then Guatemala's bridge stops and misses one.
		before.afterSnapshot = await requesting.sendMessage(before.room, caseNote('Sent after the snapshot.') as never).then((r) => r.event_id);
		before.history.set(before.afterSnapshot, caseNote('Sent after the snapshot.'));
		await until(() => loggedIds(bridges[0]).includes(before.afterSnapshot), 'Guatemala’s bridge logs the event after the snapshot', 600);
		const [developmentBridge] = processes as [BotProcess];
		before.bridgeDevice = /new device (\S+)/.exec(developmentBridge.output())?.[1] ?? '';
		expect(before.bridgeDevice).not.toBe('');
		developmentBridge.child.kill('SIGTERM');
		expect(await developmentBridge.exited).toBe(0);
		const missed = caseNote('Sent while the bridge was stopped.');
		before.missed = (await requested.sendMessage(before.room, missed as never)).event_id;
		before.history.set(before.missed, missed);
		await until(
			() =>
				requesting
					.fetchRoomEvent(before.room, before.missed)
					.then(() => true)
					.catch(() => false),
			'the SQLite server holds the missed event',
			600,
		);
		before.register = readRegister(bridges[0]);
		expect(before.register?.verify.intact).toBe(true);
		expect(loggedIds(bridges[0])).not.toContain(before.missed);
		await untilBackedUp(requesting, before.room, [...before.history.keys(), before.attachment.eventId]);
		requesting.stopClient();
		await development!.stop();
	}, 600_000);

	it('finishes with --final once the SQLite server is stopped, refuses a third pass, and the installation starts on the moved database', async () => {
		const final = await move([...ends(), '--final']);
		expect(final.text).toContain(`moved ${DEMO_ADDRESS} to PostgreSQL`);
		expect(final.text).toContain('only what is new since the last pass');
		expect(final.code).toBe(0);
		const again = await move([...ends(), '--final']);
		expect(again.code).toBe(1);
		expect(again.text).toContain('this move finished at');

		const o = demo!.options;
		expect(readFileSync(join(o.configDir, 'secrets', 'signing.key'), 'utf8')).toBe(readFileSync(development!.files.signingKey, 'utf8'));
		const started = await demo!.startServices();
		expect(started.ok, started.ok ? '' : started.error).toBe(true);
		// The bridge's own files, its homeserver now the installation's (through nginx), as its operator changes it.
		const [setup] = bridges;
		const config = { ...(JSON.parse(readFileSync(setup.configPath, 'utf8')) as Record<string, unknown>), homeserverUrl: demo!.baseUrl };
		writeFileSync(setup.configPath, JSON.stringify(config, null, '\t'));
		bridges[0] = { ...setup, config: { ...setup.config, homeserverUrl: demo!.baseUrl } };
		processes[0] = runBot(bridges[0]);
		await processes[0].logged('bridge running');
	}, 600_000);

	it('lets the officer sign in on a new device with their password and read the old history with the recovery key', async () => {
		const read = await readsOldHistory(demo!.homeserver, demo!.baseUrl, PASSWORD, before);
		officer = read;
		clients.push(read);
	}, 180_000);

	it('resumes the bridge on the moved server: its own device and position, the missed event once, a new event once', async () => {
		await bridgeResumes(bridges, processes[0]!, officer!, before, 'Sent after the move.');
	}, 180_000);

	it('federates from PostgreSQL: a message each way between the moved server and the peer', async () => {
		await messageEachWay(officer!, requested, before.room, ['Tras el traslado, desde producción', 'Tras el traslado, desde El Salvador']);
	}, 120_000);
});
