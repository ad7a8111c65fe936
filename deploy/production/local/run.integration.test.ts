// Issue 15, toward acceptance 1: the local production run of one demo
// authority (Guatemala) — PostgreSQL, Redis, Synapse's main process and five
// workers, nginx on the authority's own loopback address with TLS — answers
// through nginx, and its workers, not the main process, serve what nginx
// routes to them: a /sync and a message sent are logged by client_reader1,
// and the message is in the room's history afterwards (written by the event
// persister). It federates over verified TLS with a development-profile
// homeserver of the demo roster (El Salvador's, the `peers` profile, started
// here): an encrypted message goes each way, the inbound transaction is
// logged by federation_inbound1 and the outbound one by federation_sender1.
// Then the cross-server request flow through it (acceptance 1): a bridge on
// each side (the production one through nginx, its /sync served by
// client_reader1), a case opened from Guatemala and moved by both sides, an
// encrypted attachment uploaded to media_repository1 and fetched by the peer
// over federation, and both registers holding the same case, status and
// moves. Guatemala's bridge is the run's service, started from its generated
// unit (rogatory-bridge.service) with the site and config the run installed;
// El Salvador's is the test support's bot process. The web app runs from its
// unit too, behind nginx under its own host name: its health, its pages'
// security headers and its same-origin Matrix proxy to both homeservers
// answer through nginx, and its process has the unit's environment only.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import type { MatrixClient } from 'matrix-js-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botSetup, readRegister, runBot, type BotProcess, type RegisterOf } from '../../../tests/support/bot/bot-process.ts';
import { caseRoomWithBots, crossSignedClient, linearSend, until } from '../../../tests/support/bot/bot-room.ts';
import { runCaseFlow } from '../../../tests/support/bot/case-flow.ts';
import { fetchEncryptedAttachment, sendEncryptedAttachment, type SentFile } from '../../../tests/support/case-attachment.ts';
import type { FederationInfo } from '../../../tests/support/federation-info.ts';
import { productionRequests } from '../../../tests/support/production-requests.ts';
import { createEncryptedRoom, decryptedMessage, invitedTo, startNodeClient } from '../../../tests/support/matrix-node-client.ts';
import type { LocalFederation } from '../../local/federation.ts';
import { registerAccount } from '../../local/provision.ts';
import type { AuthorityId } from '../../../policies/roster/types.ts';
import { runAdminTokenCommand } from '../admin-token/command.ts';
import { productionWorkers } from '../worker-set.ts';
import { DEMO_ADDRESS } from './demo-options.ts';
import type { ProductionDemo } from './run.ts';
import { startRunWithPeers } from './with-peers.ts';

const AUTHORITY = 'gt-mp' as AuthorityId;
/** The development homeserver it federates with: a peer of Guatemala's in REFCO. */
const PEER = 'sv-fgr' as AuthorityId;

let demo: ProductionDemo;
let peers: LocalFederation | undefined;
const { call, webCall, register, logOf, logged } = productionRequests(() => demo);

/** A bridge whose register the test reads: the run's service, or a bot process of the test. */
type BridgeOf = RegisterOf & { readonly userId: string };

describe('the local production run', () => {
	let token: string;
	let deviceId: string;
	let userId: string;

	beforeAll(async () => {
		const root = process.cwd();
		const started = await startRunWithPeers({
			root,
			dir: join(root, '.data', 'production-test'),
			authority: AUTHORITY,
			only: [PEER],
			log: (line) => console.log(`production run: ${line}`),
		});
		if (!started.ok) throw new Error(started.error);
		({ peers, demo } = started.value);
		// The SDK's fetch verifies nginx's certificate against the run's CA, as the tests' https requests do.
		setDefaultCACertificates([...getCACertificates('default'), demo.caCert]);
	}, 900_000);

	afterAll(async () => {
		await peers?.stop();
		if (demo === undefined) return;
		const pids = Object.values(demo.pids()).filter((p): p is number => p !== undefined);
		await demo.stop();
		for (const pid of pids) expect(() => process.kill(pid, 0), `pid ${pid} still runs`).toThrow();
	}, 120_000);

	it('answers through nginx with TLS, the security headers and server discovery', async () => {
		const versions = await call('GET', '/_matrix/client/versions');
		expect(versions.status).toBe(200);
		expect(versions.json['versions']).toEqual(expect.arrayContaining(['v1.1']));
		expect(versions.headers['x-content-type-options']).toBe('nosniff');
		expect(versions.headers['strict-transport-security']).toContain('max-age=');
		expect(versions.headers['server']).toBe('nginx');
		const wellKnown = await call('GET', '/.well-known/matrix/server');
		expect(wellKnown.json).toEqual({ 'm.server': `${demo.serverName}:443` });
		const federation = await call('GET', '/_matrix/federation/v1/version', undefined, undefined, 8448);
		expect(federation.status).toBe(200);
	});

	it('serves its web app through nginx under the web host, started from its unit with the unit’s environment only', async () => {
		const health = await webCall('/api/health');
		expect(health.status).toBe(200);
		expect(health.json).toEqual({ status: 'ok', sessions: 'ok' });
		expect(health.headers['cache-control']).toBe('no-store');
		// A page: the web app's own security headers, over nginx's TLS (so HSTS).
		const page = await webCall('/');
		expect(page.status).toBeLessThan(400);
		expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
		expect(page.headers['strict-transport-security']).toContain('max-age=');
		// Its same-origin Matrix proxy reaches its own homeserver (through nginx, the run's CA trusted) and the peer's.
		const own = await webCall(`/matrix/${demo.serverName}/_matrix/client/versions`);
		expect(own.status, JSON.stringify(own.json)).toBe(200);
		expect(own.json['versions']).toEqual(expect.arrayContaining(['v1.1']));
		const peer = peers!.homeserver(PEER);
		const there = await webCall(`/matrix/${peer.serverName}/_matrix/client/versions`);
		expect(there.status, JSON.stringify(there.json)).toBe(200);
		// Not an open proxy: a server name the federation file does not list.
		expect((await webCall('/matrix/example.org/_matrix/client/versions')).status).toBe(404);

		// The process is the unit's command, with the unit's environment file and nothing of this test's.
		const pid = demo.pids()['web']!;
		expect(spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).stdout).toContain('web/server.ts');
		const environment = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
		expect(environment).toContain(`ROGATORY_SYNAPSE_ADMIN_URLS=${AUTHORITY}=http://127.0.0.1:${demo.options.mainPort}`);
		expect(environment).toContain(`ORIGIN=${demo.webUrl!.origin}`);
		expect(environment.some((line) => line.startsWith('VITEST'))).toBe(false);
		// The bridge too, and its /health answers.
		const bridgePid = demo.pids()['bridge']!;
		expect(spawnSync('ps', ['-o', 'args=', '-p', String(bridgePid)], { encoding: 'utf8' }).stdout).toContain('bridge/bot/main.ts');
		expect((await fetch(demo.bridge!.healthUrl)).status).toBe(200);
	});

	it('lets the host register an account through the admin API, and sign in', async () => {
		const registered = await register('ana.production', 'a long production password');
		expect(registered.status, JSON.stringify(registered.json)).toBe(200);
		token = String(registered.json['access_token']);
		deviceId = String(registered.json['device_id']);
		userId = String(registered.json['user_id']);
		expect(token.length).toBeGreaterThan(10);
		expect(userId).toBe(`@ana.production:${DEMO_ADDRESS}`);
	});

	it('offboards a person from the web app: an administrator’s session through nginx, the admin API on the main process’s own listener', async () => {
		// The site's admin token file, written by the run as `rogatory admin-token` writes it.
		const administrator = await register('sofia.herrera', 'the administrator’s long password');
		expect(administrator.status, JSON.stringify(administrator.json)).toBe(200);
		const leaving = await register('carlos.mendez', 'the officer’s long password');
		expect(leaving.status, JSON.stringify(leaving.json)).toBe(200);
		const signedIn = await webCall('/api/session', {
			method: 'POST',
			body: { userId: administrator.json['user_id'], accessToken: administrator.json['access_token'] },
		});
		expect(signedIn.status, JSON.stringify(signedIn.json)).toBe(204);
		const setCookie = [signedIn.headers['set-cookie'] ?? []].flat();
		// nginx's forwarded protocol is trusted: the cookie is Secure.
		expect(setCookie.join(';')).toMatch(/;\s*Secure/i);
		const cookie = setCookie.map((c) => c.split(';')[0]).join('; ');

		const offboarded = await webCall('/api/admin/offboard', {
			method: 'POST',
			body: { person: 'carlos.mendez' },
			headers: { cookie, origin: demo.webUrl!.origin },
		});
		expect(offboarded.status, JSON.stringify(offboarded.json)).toBe(200);
		expect(offboarded.json['kind']).toBe('deactivated');
		// The account is gone: its token no longer answers.
		const whoami = await call('GET', '/_matrix/client/v3/account/whoami', undefined, String(leaving.json['access_token']));
		expect(whoami.status).toBe(401);
		// The main process served the admin calls on its own listener, not through nginx.
		expect(await logged('main', /Processed request: .*"POST \/_synapse\/admin\/v1\/deactivate\//)).toBe(true);
		expect(readFileSync(join(demo.options.logDir, 'nginx-access.log'), 'utf8')).not.toContain('/_synapse/admin/v1/deactivate');
	});

	it('keeps a working admin token, and signs the admin account in again when the token is lost or ended (rogatory admin-token)', async () => {
		const args = ['--site', demo.sitePath, '--synapse-config', join(demo.options.configDir, 'homeserver.yaml')];
		const said: string[] = [];
		const tokenFile = join(dirname(demo.sitePath), AUTHORITY, 'secrets', 'admin-token');
		expect(await runAdminTokenCommand(args, (line) => said.push(line))).toBe(0);
		expect(said.pop()).toContain('still signs the admin account in: kept');
		const first = readFileSync(tokenFile, 'utf8').trim();

		rmSync(tokenFile);
		expect(await runAdminTokenCommand(args, (line) => said.push(line))).toBe(0);
		expect(said.pop()).toContain('signed in again');
		const second = readFileSync(tokenFile, 'utf8').trim();
		expect(second).not.toBe(first);
		expect(statSync(tokenFile).mode & 0o777).toBe(0o600);

		// A token that no longer answers (signed out) is replaced, and the new one is an admin's.
		expect((await call('POST', '/_matrix/client/v3/logout', {}, second)).status).toBe(200);
		expect(await runAdminTokenCommand(args, (line) => said.push(line))).toBe(0);
		expect(said.pop()).toContain('signed in again');
		const third = readFileSync(tokenFile, 'utf8').trim();
		const admin = await call(
			'GET',
			`/_synapse/admin/v2/users/${encodeURIComponent(`@rogatory-admin:${demo.serverName}`)}`,
			undefined,
			third,
		);
		expect(admin.status).toBe(200);

		// Refusals say what to do.
		expect(await runAdminTokenCommand(['--site', demo.sitePath, '--synapse-config', '/nonexistent.yaml'], (line) => said.push(line))).toBe(
			1,
		);
		expect(said.pop()).toContain('name it with --synapse-config');
	});

	it('has the client reader serve /sync and event sending, the main process neither, and the event persister write the message', async () => {
		const sync = await call('GET', '/_matrix/client/v3/sync?timeout=0', undefined, token);
		expect(sync.status).toBe(200);
		const room = await call('POST', '/_matrix/client/v3/createRoom', { preset: 'private_chat' }, token);
		expect(room.status, JSON.stringify(room.json)).toBe(200);
		const roomId = String(room.json['room_id']);
		const sent = await call(
			'PUT',
			`/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/send/m.room.message/t1`,
			{ msgtype: 'm.text', body: 'production' },
			token,
		);
		expect(sent.status, JSON.stringify(sent.json)).toBe(200);
		const history = await call('GET', `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=10`, undefined, token);
		expect(JSON.stringify(history.json['chunk'])).toContain(String(sent.json['event_id']));

		expect(await logged('client_reader1', /Processed request: .*"GET \/_matrix\/client\/v3\/sync\?timeout=0 /)).toBe(true);
		expect(await logged('client_reader1', /Processed request: .*"PUT \/_matrix\/client\/v3\/rooms\/.*\/send\/m\.room\.message\/t1 /)).toBe(
			true,
		);
		expect(await logged('client_reader1', /Processed request: .*"GET \/_matrix\/client\/v3\/rooms\/.*\/messages/)).toBe(true);
		// Replication: the client reader hands the new event to the events stream writer.
		expect(await logged('event_persister1', /Processed request: .*"(PUT|POST) \/_synapse\/replication\/send_events?\//)).toBe(true);
		expect(logOf('main')).not.toMatch(/Processed request: .*"GET \/_matrix\/client\/v3\/sync/);
		// The main process did serve what is not routed (room creation): the routing is by path, not everything to one worker.
		expect(await logged('main', /Processed request: .*"POST \/_matrix\/client\/v3\/createRoom /)).toBe(true);
	});

	it('starts a worker that stopped again, as the units’ Restart= does (the supervisor)', async () => {
		const before = demo.pids()['client_reader1'];
		expect(before).toBeDefined();
		process.kill(before!, 'SIGKILL');
		let after: number | undefined;
		for (let i = 0; i < 120 && (after === undefined || after === before); i++) {
			await new Promise((r) => setTimeout(r, 250));
			after = demo.pids()['client_reader1'];
		}
		expect(after).toBeDefined();
		expect(after).not.toBe(before);
		let status = 0;
		for (let i = 0; i < 120 && status !== 200; i++) {
			status = (await call('GET', '/_matrix/client/v3/sync?timeout=0&restarted=1', undefined, token)).status;
			if (status !== 200) await new Promise((r) => setTimeout(r, 250));
		}
		expect(status).toBe(200);
		expect(await logged('client_reader1', /Processed request: .*"GET \/_matrix\/client\/v3\/sync\?timeout=0&restarted=1 /)).toBe(true);
	}, 90_000);

	it('federates over verified TLS with a development homeserver: an encrypted message each way, through the federation workers', async () => {
		const peer = peers!.homeserver(PEER);
		const registered = await registerAccount(peer, `officer-${Date.now()}`);
		if (!registered.ok) throw new Error(registered.error);
		let production: MatrixClient | undefined;
		let development: MatrixClient | undefined;
		try {
			production = await startNodeClient({ userId, accessToken: token, deviceId, clientUrl: demo.baseUrl });
			development = await startNodeClient({ ...registered.value, clientUrl: peer.clientUrl });
			const developmentId = development.getUserId()!;
			const roomId = await createEncryptedRoom(production, [developmentId]);
			await invitedTo(development, roomId);
			await development.joinRoom(roomId);

			const there = decryptedMessage(development, roomId, (body) => body === 'Desde producción');
			await production.sendTextMessage(roomId, 'Desde producción');
			const received = await there;
			expect(received.getSender()).toBe(userId);
			expect(received.getWireType()).toBe('m.room.encrypted');

			const back = decryptedMessage(production, roomId, (body) => body === 'Desde desarrollo');
			await development.sendTextMessage(roomId, 'Desde desarrollo');
			const answer = await back;
			expect(answer.getSender()).toBe(developmentId);
			expect(answer.getWireType()).toBe('m.room.encrypted');
		} finally {
			production?.stopClient();
			development?.stopClient();
		}
		// What came in (the peer's join and message) was a transaction to the inbound worker, not to the main process.
		expect(await logged('federation_inbound1', /Processed request: .*"PUT \/_matrix\/federation\/v1\/send\//)).toBe(true);
		expect(logOf('main')).not.toMatch(/Processed request: .*"PUT \/_matrix\/federation\/v1\/send\//);
		// What went out (the room's events, the message) went as transactions of the federation sender, to the peer's server name; the main process sent none.
		const peerName = peer.serverName.replace(/[.]/g, '\\.');
		expect(
			await logged('federation_sender1', new RegExp(`TX \\[${peerName}\\] \\{\\d+\\} Sending transaction \\[\\d+\\], \\(PDUs: [1-9]`)),
		).toBe(true);
		expect(await logged('federation_sender1', new RegExp(`TX \\[${peerName}\\] \\{\\d+\\} got 200 response`))).toBe(true);
		expect(logOf('main')).not.toMatch(/Sending transaction/);
	}, 180_000);

	it('carries the cross-server request flow through it: a case opened, moved, an encrypted attachment, and both bridges’ registers agree', async () => {
		const production = demo.homeserver;
		const peer = peers!.homeserver(PEER);
		const info: FederationInfo = { profile: 'peers', caCertPath: peers!.caCertPath, homeservers: [production, peer] };
		// El Salvador's bridge is a process of its own: it trusts the CA that issued nginx's certificate as this process does.
		process.env['NODE_EXTRA_CA_CERTS'] = peers!.caCertPath;
		const service = demo.bridge!;
		const here: BridgeOf = {
			userId: service.userId,
			config: { registerFile: service.registerFile, servers: service.servers as Record<string, AuthorityId> },
		};
		const there = await botSetup(peer, info.homeservers);
		const bridges: BridgeOf[] = [here, there];
		const running: BotProcess = runBot(there);
		const clients: MatrixClient[] = [];
		try {
			await running.logged('bridge running');
			const requesting = await crossSignedClient(info, AUTHORITY, 'requesting');
			clients.push(requesting);
			const requested = await crossSignedClient(info, PEER, 'requested');
			clients.push(requested);
			const room = await caseRoomWithBots(
				requesting,
				requested,
				bridges.map((b) => b.userId),
			);
			const send = linearSend(room, { requesting, requested });
			const flow = await runCaseFlow({ total: 8, requesting: AUTHORITY, requested: PEER, label: 'production' }, send);
			expect(flow.transitions).toBeGreaterThanOrEqual(2);

			// An encrypted attachment from the production side, uploaded to its media worker, fetched by the peer over federation.
			const bytes = new TextEncoder().encode('%PDF-1.4 extracto bancario, producción');
			const file = decryptedMessage(requested, room, (body) => body === 'extracto.pdf');
			const attached = await sendEncryptedAttachment(requesting, room, 'extracto.pdf', bytes);
			const received = (await file).getContent()['file'] as SentFile;
			expect(received.url.startsWith(`mxc://${DEMO_ADDRESS}/`)).toBe(true);
			expect(await fetchEncryptedAttachment(requested, received)).toEqual(bytes);

			// Both registers: every case event of the flow, the same case with the same status, the same moves; verify passes.
			const all = [...flow.sent, attached];
			for (const bridge of bridges)
				await until(
					() => {
						const logged = new Set(readRegister(bridge)?.snapshot.eventLog.map((r) => r.eventId) ?? []);
						return flow.sent.every((id) => logged.has(id));
					},
					`${bridge.userId} logs the flow`,
					1800,
				);
			expect(all).toHaveLength(flow.sent.length + 1);
			const caseOf = (b: BridgeOf) => readRegister(b)!.snapshot.cases.filter((c) => c.roomId === room);
			const movesOf = (b: BridgeOf) =>
				readRegister(b)!
					.snapshot.transitions.filter((t) => t.roomId === room)
					.sort((x, y) => x.position - y.position)
					.map((t) => [t.eventId, t.toStatus]);
			expect(caseOf(here)).toHaveLength(1);
			expect(caseOf(here)).toEqual(caseOf(there));
			expect(movesOf(here)).toEqual(movesOf(there));
			expect(movesOf(here)).toHaveLength(flow.transitions);
			expect(caseOf(here)[0]).toMatchObject({ opened: true, requesting: AUTHORITY, requested: PEER, status: movesOf(here).at(-1)![1] });
			for (const bridge of bridges) expect(readRegister(bridge)!.verify.intact).toBe(true);
			// The service's /health: keeping up, and its head is the register's.
			const lastSeq = Math.max(...readRegister(here)!.snapshot.eventLog.map((r) => r.seq));
			const health = (await (await fetch(service.healthUrl)).json()) as { status: string; register_head: { seq: number } | null };
			expect(health.status).toBe('ok');
			expect(health.register_head?.seq).toBeGreaterThanOrEqual(lastSeq);
		} finally {
			for (const c of clients) c.stopClient();
			running.child.kill('SIGKILL');
		}
		// The production bridge's /sync and the attachment went through the workers nginx routes them to.
		const bridgeUser = bridges[0]!.userId.replace(/[.]/g, '\\.');
		expect(await logged('client_reader1', new RegExp(`\\{${bridgeUser}\\} Processed request: .*"GET /_matrix/client/v3/sync`))).toBe(true);
		expect(await logged('media_repository1', /Processed request: .*"POST \/_matrix\/media\/v3\/upload/)).toBe(true);
		expect(await logged('media_repository1', /Processed request: .*"GET \/_matrix\/federation\/v1\/media\/download\//)).toBe(true);
	}, 300_000);

	it('runs each worker as its own process (ps)', () => {
		const pids = demo.pids();
		for (const worker of productionWorkers(demo.options)) {
			const pid = pids[worker.name];
			expect(pid, worker.name).toBeDefined();
			const ps = spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
			expect(ps.stdout).toContain('synapse.app.generic_worker');
			expect(ps.stdout).toContain(`workers/${worker.name}.yaml`);
		}
	});
});
