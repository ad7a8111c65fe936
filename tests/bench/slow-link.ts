// Metric `slow_link`: how long a person on a 1.6 Mbit/s, 300 ms line waits
// (issue 11) — (a) the first sign-in in a new browser of an account whose
// recovery key is set up, until the requests dashboard is usable; (b) a
// reload of the dashboard with the HTTP cache off and no service worker;
// (c) a repeat visit with whatever the app keeps (HTTP cache, service
// worker, the browser's stores). Each with the bytes that crossed the line,
// by kind. Baseline, in the same run: fetching the crypto WASM alone over the
// same line. The line is Chromium's own throttling (DevTools protocol) on
// the page; Matrix traffic crosses it too.
import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { registerAccount } from '../../deploy/local/provision.ts';
import { benchWebServer } from './bench-web-server.ts';
import { message } from '../e2e/support/messages.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium-launch.ts';
import { homeserverOf, type FederationInfo } from '../support/federation-info.ts';
import { assetBytes, SlowLine, type LineUse } from './slow-link-network.ts';
import { percentile, report } from './stats.ts';

const WEB_PORT = 28382; // below the ephemeral range (32768–60999)
/** The requests dashboard, its cases read. */
const USABLE = '[data-testid="case-count"]';
const VERIFIED = '[data-testid="device-trust"][data-trust="verified"]';
const RUNS = 3;
const DASHBOARD = '/en/cases';

const en = (key: string) => message('en', key);

/**
 * Resolves as soon as the page shows an element matching `selector` (with
 * this text, when given), looked for at every animation frame. NOTE: not
 * Playwright's own waiting, which after a while looks again only every half
 * second: each long step (the WebAssembly, the recovery) then counted up to
 * half a second that no person waits, as much as some targets' margin.
 */
async function shown(page: Page, selector: string, text?: string): Promise<void> {
	await page.waitForFunction(
		([css, label]) =>
			[...document.querySelectorAll<HTMLElement>(css)].some(
				(element) => element.getClientRects().length > 0 && (label === undefined || element.textContent?.trim() === label),
			),
		[selector, text] as const,
		{ polling: 'raf', timeout: 120_000 },
	);
}

interface Person {
	readonly userId: string;
	readonly password: string;
	readonly recoveryKey: string;
}

async function signIn(page: Page, person: Person): Promise<void> {
	await page.getByLabel(en('signin_user_id_label')).fill(person.userId);
	await page.getByLabel(en('signin_password_label')).fill(person.password);
	await shown(page, 'form button[type=submit]:enabled');
	await page.getByLabel(en('signin_password_label')).press('Enter');
}

/** A new account, signed in once (fast line) to set up cross-signing and its recovery key; that browser is then closed. */
async function setUpAccount(browser: Browser, webUrl: string, hs: FederationInfo['homeservers'][number]): Promise<Person> {
	const password = `pw-${randomBytes(9).toString('base64url')}`;
	const account = await registerAccount(hs, `slow-link-${randomBytes(4).toString('hex')}`, { password });
	if (!account.ok) throw new Error(account.error);
	const context = await browser.newContext({ baseURL: webUrl, locale: 'en-GB' });
	try {
		const page = await context.newPage();
		await page.goto('/en/sign-in');
		await signIn(page, { userId: account.value.userId, password, recoveryKey: '' });
		await page.getByRole('button', { name: en('keys_setup_create') }).click();
		const recoveryKey = (await page.getByTestId('recovery-key').innerText()).trim();
		await page.getByRole('button', { name: en('keys_show_continue') }).click();
		await page.getByLabel(en('keys_confirm_label')).fill(recoveryKey);
		await page.getByRole('button', { name: en('keys_confirm_submit') }).click();
		await page.getByRole('button', { name: en('keys_continue') }).click();
		await page.locator(VERIFIED).waitFor({ timeout: 60_000 });
		return { userId: account.value.userId, password, recoveryKey };
	} finally {
		await context.close();
	}
}

/** (a) From typing the address to the dashboard, in a browser that has never seen the app. */
async function firstSignIn(
	context: BrowserContext,
	webUrl: string,
	person: Person,
): Promise<{ seconds: number; use: LineUse; wasmUrl: string }> {
	const wasm: string[] = [];
	context.on('requestfinished', (request) => {
		if (request.url().endsWith('.wasm')) wasm.push(request.url());
	});
	const page = await context.newPage();
	const line = await SlowLine.on(await context.newCDPSession(page), webUrl, { cacheDisabled: true, bypassServiceWorker: true });
	const t0 = performance.now();
	await page.goto('/en/sign-in');
	await signIn(page, person);
	await shown(page, '#recovery-key');
	await page.getByLabel(en('recover_label')).fill(person.recoveryKey.replaceAll(' ', ''));
	await page.getByRole('button', { name: en('recover_submit') }).click();
	await shown(page, 'button', en('keys_continue'));
	await page.getByRole('button', { name: en('keys_continue') }).click();
	await shown(page, 'a', en('home_cases_link'));
	await page.getByRole('link', { name: en('home_cases_link') }).click();
	await shown(page, USABLE);
	const seconds = (performance.now() - t0) / 1000;
	await page.close();
	if (wasm[0] === undefined) throw new Error('the crypto WASM was never fetched during the first sign-in');
	return { seconds, use: line.take(), wasmUrl: wasm[0] };
}

/** One visit of the dashboard in a new tab of the signed-in browser; `cold`: no HTTP cache, no service worker. */
async function visit(context: BrowserContext, webUrl: string, cold: boolean): Promise<{ seconds: number; use: LineUse }> {
	const page = await context.newPage();
	try {
		const line = await SlowLine.on(await context.newCDPSession(page), webUrl, { cacheDisabled: cold, bypassServiceWorker: cold });
		const t0 = performance.now();
		await page.goto(DASHBOARD);
		await shown(page, USABLE);
		const seconds = (performance.now() - t0) / 1000;
		return { seconds, use: line.take() };
	} finally {
		await page.close();
	}
}

/** The baseline: the crypto WASM alone, fetched over the same line with no cache, from a page of the app's origin. */
async function wasmAlone(browser: Browser, webUrl: string, wasmUrl: string): Promise<number> {
	// NOTE: the static file's own policy (default-src 'none') would forbid the page's fetch; the baseline measures the line, not the policy.
	const context = await browser.newContext({ baseURL: webUrl, bypassCSP: true });
	try {
		const page = await context.newPage();
		await page.goto('/favicon.svg');
		await SlowLine.on(await context.newCDPSession(page), webUrl, { cacheDisabled: true, bypassServiceWorker: true });
		return await page.evaluate(async (url) => {
			const t0 = performance.now();
			await (await fetch(url)).arrayBuffer();
			return (performance.now() - t0) / 1000;
		}, wasmUrl);
	} finally {
		await context.close();
	}
}

const median = (samples: readonly number[]) => percentile(samples, 50);

function reportVisits(
	metric: string,
	runs: readonly { seconds: number; use: LineUse }[],
	baseline: number,
	extra: Record<string, unknown>,
): void {
	const middle = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
	report({
		metric,
		value: median(runs.map((r) => r.seconds)),
		unit: 's',
		baseline,
		baseline_is: 'the crypto WASM alone over the same line, same run',
		n: runs.length,
		runs_s: runs.map((r) => Math.round(r.seconds * 100) / 100),
		// The bytes of the median run.
		bytes: middle.use.bytes,
		asset_bytes: assetBytes(middle.use),
		requests: middle.use.requests,
		from_service_worker: middle.use.fromServiceWorker,
		syncs: middle.use.syncs,
		keys_queries: middle.use.keysQueries,
		keys_query_repeats: middle.use.keysQueryRepeats,
		wasm_requested_after_s: middle.use.wasmRequestedAfter === undefined ? null : Math.round(middle.use.wasmRequestedAfter * 100) / 100,
		line: '1.6 Mbit/s down, 0.75 up, 300 ms',
		...extra,
	});
}

export async function slowLink(federation: FederationInfo): Promise<void> {
	const server = await benchWebServer(WEB_PORT);
	const webUrl = server.url;
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
	try {
		const hs = homeserverOf(federation, 'gt-mp');
		const firsts: { seconds: number; use: LineUse }[] = [];
		const colds: { seconds: number; use: LineUse }[] = [];
		const warms: { seconds: number; use: LineUse }[] = [];
		let wasmUrl = '';
		for (let run = 0; run < RUNS; run++) {
			const person = await setUpAccount(browser, webUrl, hs);
			const context = await browser.newContext({ baseURL: webUrl, locale: 'en-GB' });
			try {
				const first = await firstSignIn(context, webUrl, person);
				firsts.push(first);
				wasmUrl = first.wasmUrl;
				colds.push(await visit(context, webUrl, true));
				// One visit to fill what a repeat visit may use, then the measured one.
				await visit(context, webUrl, false);
				warms.push(await visit(context, webUrl, false));
			} finally {
				await context.close();
			}
		}
		const alone: number[] = [];
		for (let run = 0; run < RUNS; run++) alone.push(await wasmAlone(browser, webUrl, wasmUrl));
		const baseline = median(alone);
		reportVisits('slow_link.first_sign_in', firsts, baseline, {
			until: 'new browser: sign-in, recovery key, requests dashboard usable',
			target_s: 12,
		});
		reportVisits('slow_link.cold_reload', colds, baseline, { until: 'dashboard usable, HTTP cache off, no service worker', target_s: 10 });
		reportVisits('slow_link.repeat_visit', warms, baseline, { until: 'dashboard usable, second visit after sign-in', target_s: 1.5 });
	} finally {
		await browser.close();
		await server.stop();
	}
}
