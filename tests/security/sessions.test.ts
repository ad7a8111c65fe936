// Attacks on the web server's sessions, against the built web app (its own
// instance, with its own session database, beside the test federation's real
// homeservers): flooding POST /api/session from one address and from many,
// X-Forwarded-For, replaying a cookie after sign-out, forged and tampered
// cookies, a stolen sessions.sqlite, a database row rewritten or forged to
// be someone else, cross-site posts, and the administrators' action tried by
// everyone who is not the person's administrator. Each client is a loopback
// source address of its own (127.0.0.x), so each has its own rate-limit bucket.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keptPassword } from '../../deploy/local/passwords.ts';
import { registerAccount } from '../../deploy/local/provision.ts';
import { writeDemoDeployment } from '../../deploy/roster/demo-deployment.ts';
import { rosterAnnouncementContent } from '../../policies/roster-update/index.ts';
import { startWebServer, type WebServer } from '../../scripts/web-server.ts';
import { SESSION_COOKIE } from '../../web/src/lib/server/sessions/cookie.ts';
import { generateSessionToken, sessionIdOf } from '../../web/src/lib/server/sessions/token.ts';
import { sealMatrixToken } from '../../web/src/lib/server/sessions/token-seal.ts';
import { freshAccount } from '../support/accounts.ts';
import { homeserverOf } from '../support/federation-info.ts';
import { cookieSet, httpFrom, type PlainResponse } from '../support/http-from.ts';
import type { NodeAccount } from '../support/matrix-node-client.ts';

const info = inject('federation');
const root = process.cwd();
/** Its own address and port: the end-to-end tests' web server is on 28080. */
const HOST = '127.0.0.1';
const PORT = 28091;
const BASE = `http://${HOST}:${PORT}`;
const RECHECK_SECONDS = 1;
const TRACKED_ADDRESSES = 64;

let web: WebServer;
let scratch: string;
/** Where the web server keeps its session database: the demo sites' paths.sessions, web/ beside them. */
let dataDir: string;

beforeAll(async () => {
	scratch = mkdtempSync(join(tmpdir(), 'rogatory-security-sessions-'));
	dataDir = join(scratch, 'web');
	const started = await startWebServer({
		root,
		host: HOST,
		port: PORT,
		federationFile: process.env['ROGATORY_FEDERATION'] ?? join(root, '.data', 'test', 'federation.json'),
		// The demo's files in a folder of its own: its session database (the sites' paths.sessions) is this test's alone.
		deployment: writeDemoDeployment(scratch),
		logTo: 'ignore',
		env: {
			ROGATORY_SESSION_RECHECK_SECONDS: String(RECHECK_SECONDS),
			ROGATORY_SIGNIN_TRACKED_ADDRESSES: String(TRACKED_ADDRESSES),
		},
	});
	if (!started.ok) throw new Error(started.error);
	web = started.value;
});

afterAll(async () => {
	await web?.stop();
	rmSync(scratch, { recursive: true, force: true });
});

/** A roster person's account, logged in as a new device (the password provisioning keeps for them). */
async function rosterLogin(authority: string, localpart: string): Promise<NodeAccount> {
	const hs = homeserverOf(info, authority);
	const account = await registerAccount(hs, localpart, { password: keptPassword(hs.dataDir, localpart) });
	if (!account.ok) throw new Error(account.error);
	return {
		userId: account.value.userId,
		accessToken: account.value.accessToken,
		deviceId: account.value.deviceId,
		clientUrl: hs.clientUrl,
	};
}

const json = { 'Content-Type': 'application/json', Origin: BASE };

function signIn(from: string, userId: string, accessToken: string, headers: Record<string, string> = {}): Promise<PlainResponse> {
	return httpFrom(from, `${BASE}/api/session`, {
		method: 'POST',
		headers: { ...json, ...headers },
		body: JSON.stringify({ userId, accessToken }),
	});
}

/** A session cookie for the account, made from its token (from its own address, so no bucket is shared). */
async function sessionOf(account: NodeAccount, from = '127.0.0.2'): Promise<string> {
	const response = await signIn(from, account.userId, account.accessToken);
	expect(response.status, response.body).toBe(204);
	const cookie = cookieSet(response, SESSION_COOKIE);
	if (cookie === undefined || cookie === '') throw new Error('no session cookie');
	return cookie;
}

const withCookie = (cookie: string) => ({ Cookie: `${SESSION_COOKIE}=${cookie}` });

/** Whose session the server says the cookie holds (null: none). */
async function whose(cookie: string, from = '127.0.0.2'): Promise<unknown> {
	const response = await httpFrom(from, `${BASE}/api/session`, { headers: withCookie(cookie) });
	return (JSON.parse(response.body) as { userId: unknown }).userId;
}

async function whoamiStatus(clientUrl: string, token: string): Promise<number> {
	return (await fetch(`${clientUrl}/_matrix/client/v3/account/whoami`, { headers: { Authorization: `Bearer ${token}` } })).status;
}

describe('POST /api/session under attack', () => {
	it('answers the 31st rapid refused sign-in from one address with 429 and Retry-After, whatever it claims', async () => {
		const victim = await freshAccount(info, 'gt-mp', 'sec-sessions-flood');
		const attacker = '127.0.0.9';
		for (let i = 1; i <= 30; i++) {
			const refused = await signIn(attacker, victim.userId, `syt_guess_${i}`);
			expect(refused.status, `attempt ${i}`).toBe(401);
		}
		const limited = await signIn(attacker, victim.userId, 'syt_guess_31');
		expect(limited.status).toBe(429);
		expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
		expect(limited.headers['cache-control']).toBe('no-store');
		// The right token does not get through either while the bucket is empty, nor a forged forwarding header.
		expect((await signIn(attacker, victim.userId, victim.accessToken)).status).toBe(429);
		expect((await signIn(attacker, victim.userId, 'x', { 'X-Forwarded-For': '203.0.113.7', 'X-Real-IP': '203.0.113.7' })).status).toBe(429);
		// Another address is not affected; successful sign-ins never use up its budget.
		for (let i = 0; i < 40; i++) expect((await signIn('127.0.0.10', victim.userId, victim.accessToken)).status).toBe(204);
	});

	it('forgets all but a bounded number of addresses when flooded from many (the server’s memory stays bounded)', async () => {
		const flooder = '127.0.0.11';
		for (let i = 0; i < 30; i++) await httpFrom(flooder, `${BASE}/api/session`, { method: 'POST', headers: json, body: 'junk' });
		expect((await httpFrom(flooder, `${BASE}/api/session`, { method: 'POST', headers: json, body: 'junk' })).status).toBe(429);
		// More addresses than the server remembers, one refused attempt each.
		for (let i = 1; i <= TRACKED_ADDRESSES + 36; i++) {
			const answer = await httpFrom(`127.0.1.${i}`, `${BASE}/api/session`, { method: 'POST', headers: json, body: 'junk' });
			expect(answer.status).toBe(400);
		}
		// The first flooder's bucket is one of those forgotten: the map holds no more than its bound.
		expect((await httpFrom(flooder, `${BASE}/api/session`, { method: 'POST', headers: json, body: 'junk' })).status).toBe(400);
	});
});

describe('session cookies under attack', () => {
	it('refuses a cookie replayed after sign-out', async () => {
		const account = await freshAccount(info, 'gt-mp', 'sec-sessions-replay');
		const cookie = await sessionOf(account);
		expect(await whose(cookie)).toBe(account.userId);
		const out = await httpFrom('127.0.0.2', `${BASE}/api/session`, {
			method: 'DELETE',
			headers: { ...json, ...withCookie(cookie) },
			body: '{}',
		});
		expect(out.status).toBe(204);
		const replayed = await httpFrom('127.0.0.2', `${BASE}/api/session`, { headers: withCookie(cookie) });
		expect(JSON.parse(replayed.body)).toEqual({ userId: null });
		expect(cookieSet(replayed, SESSION_COOKIE)).toBe('');
		expect((await httpFrom('127.0.0.2', `${BASE}/en/register/cases.csv`, { headers: withCookie(cookie) })).status).toBe(401);
	});

	it('refuses forged and tampered cookies, and the stored hash of a real one', async () => {
		const account = await freshAccount(info, 'gt-mp', 'sec-sessions-forge');
		const cookie = await sessionOf(account);
		const flipped = cookie.slice(0, 5) + (cookie[5] === 'a' ? 'b' : 'a') + cookie.slice(6);
		for (const forged of [
			generateSessionToken(),
			flipped,
			cookie.toUpperCase(),
			sessionIdOf(cookie),
			`${cookie}a`,
			cookie.slice(1),
			'a'.repeat(4096),
		]) {
			expect(await whose(forged)).toBeNull();
			expect((await httpFrom('127.0.0.2', `${BASE}/en/register/cases.json`, { headers: withCookie(forged) })).status).toBe(401);
		}
		expect(await whose(cookie)).toBe(account.userId);
	});

	it('a stolen sessions.sqlite holds no usable session cookie and no usable Matrix token', async () => {
		const account = await freshAccount(info, 'gt-mp', 'sec-sessions-stolen');
		const cookie = await sessionOf(account);
		// Everything the thief copies: the database and its WAL.
		const files = readdirSync(dataDir).filter((name) => name.startsWith('sessions.sqlite'));
		const bytes = Buffer.concat(files.map((name) => readFileSync(join(dataDir, name))));
		expect(bytes.includes(Buffer.from(account.accessToken))).toBe(false);
		expect(bytes.includes(Buffer.from(cookie))).toBe(false);
		const copy = join(dataDir, 'stolen.sqlite');
		for (const name of files) copyFileSync(join(dataDir, name), join(dataDir, name.replace('sessions.sqlite', 'stolen.sqlite')));
		const stolen = new Database(copy, { readonly: true });
		const rows = stolen.prepare('SELECT * FROM sessions WHERE user_id = ?').all(account.userId) as Record<string, unknown>[];
		stolen.close();
		expect(rows).toHaveLength(1);
		// Every value of the row, tried as a cookie here and as an access token at the homeserver.
		// (Only what an HTTP header can carry: printable ASCII.)
		const candidates = Object.values(rows[0] ?? {})
			.flatMap((value) =>
				Buffer.isBuffer(value) ? [value.toString('latin1'), value.toString('hex'), value.toString('base64')] : [String(value)],
			)
			.filter((candidate) => /^[\x21-\x7e]+$/.test(candidate));
		expect(candidates.length).toBeGreaterThanOrEqual(Object.keys(rows[0] ?? {}).length);
		for (const candidate of candidates) {
			expect(await whose(candidate)).toBeNull();
			expect(await whoamiStatus(account.clientUrl, candidate)).toBe(401);
		}
		expect(await whoamiStatus(account.clientUrl, account.accessToken)).toBe(200);
	});

	it('a row rewritten to another user or another device stops serving its cookie at once', async () => {
		const carlos = await rosterLogin('gt-mp', 'carlos.mendez');
		for (const rewrite of [
			{ user_id: carlos.userId, device_id: carlos.deviceId },
			{ user_id: null, device_id: carlos.deviceId },
		]) {
			const attacker = await freshAccount(info, 'gt-mp', 'sec-sessions-rewrite');
			const cookie = await sessionOf(attacker);
			const db = new Database(join(dataDir, 'sessions.sqlite'));
			db.prepare('UPDATE sessions SET user_id = coalesce(?, user_id), device_id = ? WHERE id = ?').run(
				rewrite.user_id,
				rewrite.device_id,
				sessionIdOf(cookie),
			);
			db.close();
			expect(await whose(cookie)).toBeNull();
			expect((await httpFrom('127.0.0.2', `${BASE}/en/register/cases.csv`, { headers: withCookie(cookie) })).status).toBe(401);
		}
	});

	it('a row forged into the database with a made-up token is never served an export, and ends at its first re-check', async () => {
		const carlos = await rosterLogin('gt-mp', 'carlos.mendez');
		// The forger knows the scheme and picks the cookie, so the seal opens; they hold no Matrix token of Carlos.
		const token = generateSessionToken();
		const id = sessionIdOf(token);
		const now = Date.now();
		const db = new Database(join(dataDir, 'sessions.sqlite'));
		db.prepare(
			`INSERT INTO sessions (id, user_id, device_id, homeserver_id, created_at, expires_at, secure, matrix_token, confirmed_at, checked_at, last_seen_at)
			 VALUES (?, ?, ?, 'gt-mp', ?, ?, 0, ?, ?, ?, ?)`,
		).run(
			id,
			carlos.userId,
			carlos.deviceId,
			now,
			now + 3_600_000,
			sealMatrixToken(token, { sessionId: id, userId: carlos.userId, deviceId: carlos.deviceId }, 'syt_made_up'),
			// "Confirmed" far in the future, so that it would never look due.
			now + 10 * 365 * 86_400_000,
			now + 10 * 365 * 86_400_000,
			now,
		);
		db.close();
		const exported = await httpFrom('127.0.0.2', `${BASE}/en/register/cases.csv`, { headers: withCookie(token) });
		expect(exported.status).toBe(401);
		expect(cookieSet(exported, SESSION_COOKIE)).toBe('');
		expect(await whose(token)).toBeNull();
	});

	it('a real account of the outsider homeserver (in the federation file, in no network) makes no session', async () => {
		const outsider = await freshAccount(info, 'outsider', 'sec-sessions-outsider');
		const response = await signIn('127.0.0.3', outsider.userId, outsider.accessToken);
		expect(response.status).toBe(403);
		expect(cookieSet(response, SESSION_COOKIE)).toBeUndefined();
	});

	it('a token of another user claimed as Carlos makes no session', async () => {
		const carlos = await rosterLogin('gt-mp', 'carlos.mendez');
		const other = await freshAccount(info, 'gt-mp', 'sec-sessions-claim');
		const response = await signIn('127.0.0.3', carlos.userId, other.accessToken);
		expect(response.status).toBe(401);
		expect(cookieSet(response, SESSION_COOKIE)).toBeUndefined();
	});

	it('ends no session from another site: cross-site posts to “sign out everywhere” are refused', async () => {
		const account = await freshAccount(info, 'gt-mp', 'sec-sessions-csrf');
		const cookie = await sessionOf(account);
		for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/json']) {
			const evil = await httpFrom('127.0.0.2', `${BASE}/api/session/everywhere`, {
				method: 'POST',
				headers: { 'Content-Type': type, Origin: 'http://evil.example', ...withCookie(cookie) },
				body: '{}',
			});
			expect(evil.status, type).toBe(403);
		}
		expect(await whose(cookie)).toBe(account.userId);
		// From the app's own page it works, and ends every session of the user.
		const second = await sessionOf(account, '127.0.0.3');
		const done = await httpFrom('127.0.0.2', `${BASE}/api/session/everywhere`, {
			method: 'POST',
			headers: { ...json, ...withCookie(cookie) },
			body: '{}',
		});
		expect(JSON.parse(done.body)).toEqual({ ended: 2 });
		expect(await whose(cookie)).toBeNull();
		expect(await whose(second)).toBeNull();
	});
});

describe('the register pages and downloads', () => {
	it('answer Cache-Control: no-store, pages, their data, the downloads and the refusals alike', async () => {
		const officer = await sessionOf(await rosterLogin('gt-mp', 'carlos.mendez'));
		const prosecutor = await sessionOf(await rosterLogin('gt-mp', 'ana.lopez'));
		// (No bridge runs beside this server: a download is the file, or 404 when no register was ever written here.)
		for (const [cookie, path, statuses] of [
			[officer, '/en/register', [200]],
			[officer, '/en/register/__data.json', [200]],
			[officer, '/en/register/statistics', [200]],
			[officer, '/en/register/statistics/__data.json', [200]],
			[officer, '/en/register/cases.csv', [200, 404]],
			[officer, '/en/register/cases.json', [200, 404]],
			[prosecutor, '/en/register', [403]],
			[prosecutor, '/en/register/cases.csv', [403]],
			[officer, '/en/admin/sessions', [403]],
		] as const) {
			const response = await httpFrom('127.0.0.2', `${BASE}${path}`, { headers: withCookie(cookie) });
			expect(statuses, `${path}: ${response.status}`).toContain(response.status);
			expect(response.headers['cache-control'], `${path} (${response.status})`).toBe('no-store');
		}
		// The page's data is the officer's authority's register, not a refusal (the name alone would not say:
		// every signed-in page's data carries the roster's authorities).
		const data = (await httpFrom('127.0.0.2', `${BASE}/en/register/__data.json`, { headers: withCookie(officer) })).body;
		expect(data).toContain('"allowed"');
		expect(data).toContain('Ministerio Público de Guatemala');
	});
});

describe('ending a person’s sessions (authority administrators only)', () => {
	const endSessionsOf = (cookie: string, person: string, origin = BASE, type = 'application/json') =>
		httpFrom('127.0.0.4', `${BASE}/api/admin/sessions`, {
			method: 'POST',
			headers: { 'Content-Type': type, Origin: origin, ...withCookie(cookie) },
			body: type === 'application/json' ? JSON.stringify({ person }) : new URLSearchParams({ person }).toString(),
		});

	it('is refused to a prosecutor, an officer, an administrator of another authority and another site', async () => {
		const carlos = await rosterLogin('gt-mp', 'carlos.mendez');
		const victim = await sessionOf(carlos);
		const attempts: [string, string][] = [
			['a prosecutor', await sessionOf(await rosterLogin('gt-mp', 'ana.lopez'))],
			['Guatemala’s officer, about himself', await sessionOf(await rosterLogin('gt-mp', 'carlos.mendez'))],
			['another authority’s officer', await sessionOf(await rosterLogin('ng-ca', 'amina.bello'))],
			['another authority’s administrator', await sessionOf(await rosterLogin('ng-ca', 'ngozi.eze'))],
		];
		for (const [who, cookie] of attempts) {
			const response = await endSessionsOf(cookie, 'carlos.mendez');
			expect(response.status, who).toBe(403);
			expect(await whose(victim), who).toBe(carlos.userId);
		}
		// Guatemala's own administrator, from another site (JSON, a form, plain text): refused.
		const admin = await sessionOf(await rosterLogin('gt-mp', 'sofia.herrera'));
		for (const type of ['application/json', 'application/x-www-form-urlencoded', 'text/plain'])
			expect((await endSessionsOf(admin, 'carlos.mendez', 'http://evil.example', type)).status, type).toBe(403);
		expect(await whose(victim)).toBe(carlos.userId);
		// And from the app itself it works; the device gets no new session from its old token.
		const done = await endSessionsOf(admin, 'carlos.mendez');
		expect(done.status).toBe(200);
		expect(JSON.parse(done.body)).toMatchObject({ name: 'Carlos Méndez' });
		expect(await whose(victim)).toBeNull();
		expect((await signIn('127.0.0.5', carlos.userId, carlos.accessToken)).status).toBe(403);
		// A new sign-in with the password (a new device) is a new session.
		expect(await whose(await sessionOf(await rosterLogin('gt-mp', 'carlos.mendez')))).toBe(carlos.userId);
	});
});

describe('offboarding a person (authority administrators only)', () => {
	const offboard = (cookie: string, person: string, origin = BASE, type = 'application/json') =>
		httpFrom('127.0.0.4', `${BASE}/api/admin/offboard`, {
			method: 'POST',
			headers: { 'Content-Type': type, Origin: origin, ...withCookie(cookie) },
			body: type === 'application/json' ? JSON.stringify({ person }) : new URLSearchParams({ person }).toString(),
		});

	it('is refused to a prosecutor, an officer, another authority’s administrator and another site, and changes nothing', async () => {
		const carlos = await rosterLogin('gt-mp', 'carlos.mendez');
		const victim = await sessionOf(carlos);
		const attempts: [string, string][] = [
			['a prosecutor', await sessionOf(await rosterLogin('gt-mp', 'ana.lopez'))],
			['Guatemala’s officer, about himself', await sessionOf(await rosterLogin('gt-mp', 'carlos.mendez'))],
		];
		for (const [who, cookie] of attempts) {
			const response = await offboard(cookie, 'carlos.mendez');
			expect(response.status, who).toBe(403);
			expect(await whose(victim), who).toBe(carlos.userId);
		}
		// Another authority's administrator can only name people of her own homeserver: "carlos.mendez" there is
		// no one (refused, or unavailable where her site keeps no admin token), and Guatemala's Carlos is untouched.
		const nigeria = await offboard(await sessionOf(await rosterLogin('ng-ca', 'ngozi.eze')), 'carlos.mendez');
		expect([403, 503]).toContain(nigeria.status);
		expect(await whose(victim)).toBe(carlos.userId);
		// Guatemala's own administrator, from another site (JSON, a form, plain text): refused before anything is read.
		const admin = await sessionOf(await rosterLogin('gt-mp', 'sofia.herrera'));
		for (const type of ['application/json', 'application/x-www-form-urlencoded', 'text/plain'])
			expect((await offboard(admin, 'carlos.mendez', 'http://evil.example', type)).status, type).toBe(403);
		// A malformed person is refused as such.
		expect((await offboard(admin, '@carlos.mendez:elsewhere')).status).toBe(400);
		// The person's session and account are untouched: the homeserver still answers for his token.
		expect(await whose(victim)).toBe(carlos.userId);
		expect(await whose(await sessionOf(await rosterLogin('gt-mp', 'carlos.mendez')))).toBe(carlos.userId);
	});
});

describe('applying a roster version (authority administrators of the network only)', () => {
	const rosterFile = (): string => join(scratch, 'roster.yaml');
	const sha = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
	const announced = (file: string, version: number, hash = sha(file)): Record<string, unknown> => {
		const content = rosterAnnouncementContent({ version, sha256: hash, file });
		if (!content.ok) throw new Error(content.error);
		return content.value;
	};
	const post = (cookie: string, body: Record<string, unknown>, origin = BASE) =>
		httpFrom('127.0.0.6', `${BASE}/api/admin/roster`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Origin: origin, ...withCookie(cookie) },
			body: JSON.stringify(body),
		});
	const answer = (response: PlainResponse): Record<string, unknown> => JSON.parse(response.body) as Record<string, unknown>;

	it('is refused to anyone but an administrator of the network, checks the file, and replaces it only when asked', async () => {
		const original = readFileSync(rosterFile(), 'utf8');
		const next = original.replace(/^version: 3$/m, 'version: 4');
		expect(next).not.toBe(original);
		const request = { network: 'REFCO', content: announced(next, 4), fromSecretariat: true, apply: true };
		// A prosecutor, another site, an administrator of an authority outside REFCO: refused, nothing written.
		expect((await post(await sessionOf(await rosterLogin('gt-mp', 'ana.lopez')), request)).status).toBe(403);
		const admin = await sessionOf(await rosterLogin('gt-mp', 'sofia.herrera'));
		expect((await post(admin, request, 'http://evil.example')).status).toBe(403);
		const nigeria = await post(await sessionOf(await rosterLogin('ng-ca', 'ngozi.eze')), request);
		expect(nigeria.status).toBe(403);
		expect(answer(nigeria)['problem']).toBe('not-of-network');
		expect((await post(admin, { network: 'REFCO', apply: true })).status).toBe(400);
		// Guatemala's administrator: a file other than the announced one, a sender the browser did not vouch for, a jump.
		const refusals: [Record<string, unknown>, string][] = [
			[{ ...request, content: announced(next, 4, sha(original)) }, 'hash'],
			[{ ...request, fromSecretariat: false }, 'not-secretariat'],
			[{ ...request, content: announced(next.replace(/^version: 4$/m, 'version: 5'), 5) }, 'skips'],
			[{ ...request, content: { msgtype: 'm.text', body: 'roster' } }, 'no-announcement'],
		];
		for (const [body, code] of refusals) {
			const response = await post(admin, body);
			expect(response.status, code).toBe(200);
			expect(answer(response), code).toEqual({ kind: 'refused', code });
		}
		expect(readFileSync(rosterFile(), 'utf8')).toBe(original);
		// Examined first (nothing written), then applied; the same again is "already".
		const examined = answer(await post(admin, { ...request, apply: false }));
		expect(examined).toMatchObject({ kind: 'applicable', version: 4, current: 3 });
		expect(readFileSync(rosterFile(), 'utf8')).toBe(original);
		expect(answer(await post(admin, request))).toMatchObject({ kind: 'applied', version: 4 });
		expect(readFileSync(rosterFile(), 'utf8')).toBe(next);
		expect(readFileSync(`${rosterFile()}.v3`, 'utf8')).toBe(original);
		expect(answer(await post(admin, request))).toEqual({ kind: 'already', version: 4 });
	});
});
