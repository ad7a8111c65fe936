// Issue 15: the web app as an authority runs it in production — the local
// production run (deploy/production/local/run.ts): Synapse with its workers
// on PostgreSQL behind nginx, the web app and the bridge started from their
// generated units, the web app under its own host name on nginx's address
// with TLS, federating with El Salvador's development homeserver. Debian's
// Chromium reaches it as a browser on another machine would: the host name
// mapped to nginx's address, and nginx's certificate — issued by the run's
// CA, which no system store holds — accepted by its key alone
// (--ignore-certificate-errors-spki-list names that one key, nothing else).
// An officer of Guatemala signs in, sets up her keys (cross-signing and the
// key backup through the web app's same-origin proxy, nginx and the workers),
// and her home page shows in the five languages at a phone's and a laptop's
// width with no sideways scroll and no axe violation; no page breaks the
// production Content-Security-Policy, none logs an error, the session cookie
// is Secure (nginx's forwarded protocol), and the service worker registers.
// Then she opens a request to El Salvador from the dashboard: the bridge
// service logs it in the site's register, and a dump of Synapse's whole
// PostgreSQL database holds the room but neither the title nor the reference.
import { createHash, X509Certificate } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { chromium, expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_ADDRESS } from '../../deploy/production/local/demo-options.ts';
import { startRunWithPeers, type RunWithPeers } from '../../deploy/production/local/with-peers.ts';
import { registerAccount } from '../../deploy/local/provision.ts';
import { postgresBin } from '../../deploy/production/local/postgres.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { readRegister } from '../support/bot/bot-process.ts';
import { SESSION_COOKIE } from '../../web/src/lib/server/sessions/cookie.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium-launch.ts';
import type { E2eAccount } from './support/accounts.ts';
import { openRequest } from './support/case-pages.ts';
import { watchCsp } from './support/csp-watch.ts';
import { message } from './support/messages.ts';
import { auditInEveryLocale } from './support/screen-audit.ts';
import { setUpRecoveryKey, signIn } from './support/session-pages.ts';
import { watchContext } from './support/watch.ts';

test.describe.configure({ mode: 'serial' });

let run: RunWithPeers | undefined;
let browser: Browser | undefined;
/** The officer's browser, signed in by the first test, used by the next. */
let officer: { context: BrowserContext; page: Page } | undefined;

/** base64(SHA-256(SubjectPublicKeyInfo)) of the certificate in `pemFile`: what Chromium's SPKI list names. */
function spkiHash(pemFile: string): string {
	const der = new X509Certificate(readFileSync(pemFile)).publicKey.export({ type: 'spki', format: 'der' });
	return createHash('sha256').update(der).digest('base64');
}

test.beforeAll(async () => {
	test.setTimeout(600_000);
	const root = process.cwd();
	const started = await startRunWithPeers({
		root,
		dir: join(root, '.data', 'production-e2e'),
		authority: 'gt-mp',
		only: ['sv-fgr'],
		log: (line) => console.log(`production run: ${line}`),
	});
	if (!started.ok) throw new Error(started.error);
	run = started.value;
	// This process registers the officer through nginx: it trusts the run's CA as the browser trusts its key.
	setDefaultCACertificates([...getCACertificates('default'), run.demo.caCert]);
	const host = run.demo.webUrl!.hostname;
	browser = await chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: [
			...CHROMIUM_ARGS,
			`--host-resolver-rules=MAP ${host} ${DEMO_ADDRESS}`,
			`--ignore-certificate-errors-spki-list=${spkiHash(run.demo.options.tlsCertificate)}`,
		],
	});
});

test.afterAll(async () => {
	test.setTimeout(120_000);
	await officer?.context.close();
	await browser?.close();
	await run?.stop();
});

test('an officer signs in to the production web app through nginx, sets up her keys, and her home page shows in five languages', async () => {
	test.setTimeout(300_000);
	const testInfo = test.info();
	const demo = run!.demo;
	const origin = demo.webUrl!.origin;
	const registered = await registerAccount(demo.homeserver, `marta.production.${Date.now()}`, { password: 'a long production password' });
	if (!registered.ok) throw new Error(registered.error);
	const account: E2eAccount = { ...registered.value, homeserver: demo.homeserver };

	const context = await browser!.newContext({ baseURL: origin, locale: 'en-GB' });
	const csp = await watchCsp(context);
	const seen = watchContext(context);
	// "None yet" answers the SDK reads as such (session-pages.ts): no key backup before the keys page makes one.
	for (const path of ['/_matrix/client/v3/room_keys/version', '/_matrix/client/unstable/org.matrix.msc4143/rtc/transports'])
		seen.expectHttpErrorFrom(`${origin}/matrix/${demo.serverName}${path}`);
	const page = await context.newPage();
	officer = { context, page };
	await page.goto('/en/sign-in');
	await signIn(page, account);
	await expect(page).toHaveURL(/\/en\/keys$/);
	await setUpRecoveryKey(page);
	await expect(page.getByRole('heading', { level: 1, name: message('en', 'home_heading') })).toBeVisible();

	// The session cookie (the language one holds no secret, and the page's script sets it).
	const session = (await context.cookies(origin)).find((c) => c.name === SESSION_COOKIE);
	expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
	const worker = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined);
	expect(worker).toBe(true);

	const problems = await auditInEveryLocale(page, testInfo, {
		name: 'production-home',
		path: '/home',
		ready: async (p, locale) => {
			await expect(p.getByRole('heading', { level: 1, name: message(locale, 'home_heading') })).toBeVisible();
		},
	});
	expect(problems).toEqual([]);
	expect(csp.violations).toEqual([]);
	expect(seen.pageErrors).toEqual([]);
	expect(seen.consoleErrors).toEqual([]);
	// Everything the browser asked went to the web app's own origin: the homeservers only through its proxy.
	expect(seen.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
});

test('she opens a request to El Salvador: Guatemala’s bridge service logs it, and nothing of it is in the production database in the clear', async () => {
	test.setTimeout(180_000);
	const demo = run!.demo;
	const page = officer!.page;
	const peer = await registerAccount(run!.peers.homeserver('sv-fgr'), `julio.peer.${Date.now()}`);
	if (!peer.ok) throw new Error(peer.error);
	const marker = `PRODMARK-${Date.now()}`;
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/en/home');
	const roomId = await openRequest(page, {
		title: `Extradition ${marker}`,
		reference: `REF-${marker}`,
		requested: 'sv-fgr',
		offence: 'Corruption',
		invite: [peer.value.userId],
	});

	// The bridge started from rogatory-bridge.service logs the opening in the site's register.
	const bridge = demo.bridge!;
	const register = { config: { registerFile: bridge.registerFile, servers: bridge.servers as Record<string, AuthorityId> } };
	await expect
		.poll(() => readRegister(register)?.snapshot.cases.find((c) => c.roomId === roomId)?.requested, { timeout: 120_000 })
		.toBe('sv-fgr');
	expect(readRegister(register)!.verify.intact).toBe(true);

	// Synapse's whole database, as its operator could read it: neither the title nor the reference.
	const bin = postgresBin();
	if (!bin.ok) throw new Error(bin.error);
	const o = demo.options;
	const dump = spawnSync(
		join(bin.value, 'pg_dump'),
		['-h', demo.postgres.socketDir, '-p', String(o.databasePort), '-U', o.databaseUser, '--data-only', '--no-password', o.databaseName],
		{ encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
	);
	expect(dump.status, dump.stderr).toBe(0);
	expect(dump.stdout).toContain(roomId);
	expect(dump.stdout).not.toContain(marker);
});
