// Metric `first_load`: the bytes a browser with an empty cache downloads from
// the web app before a user who has just signed in (and set up their recovery
// key) can use it — JS, CSS and WASM apart, and in total, as gzip and as
// brotli. Baseline, in the same run: the crypto WASM alone in the same
// encoding. Matrix API traffic is not counted (it depends on the account, not
// on the app); every app resource Chromium fetched is, whatever its type.
import { randomBytes } from 'node:crypto';
import { chromium } from '@playwright/test';
import { registerAccount } from '../../deploy/local/provision.ts';
import { PROXY_PREFIX } from '../../web/proxy/route.ts';
import { benchWebServer } from './bench-web-server.ts';
import { message } from '../e2e/support/messages.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium-launch.ts';
import { homeserverOf, type FederationInfo } from '../support/federation-info.ts';
import { report } from './stats.ts';
import { kindOf, transferSize, type AssetKind, type Encoding } from './transfer-size.ts';

const WEB_PORT = 28380; // below the ephemeral range (32768–60999)
/** What shows that the app is usable once signed in: the requests dashboard, its cases read. */
const USABLE = '[data-testid="case-count"]';
const VERIFIED = '[data-testid="device-trust"][data-trust="verified"]';

const en = (key: string) => message('en', key);

async function appResourcesOfASignIn(webUrl: string, hs: FederationInfo['homeservers'][number]): Promise<string[]> {
	const password = `pw-${randomBytes(9).toString('base64url')}`;
	const account = await registerAccount(hs, `first-load-${randomBytes(4).toString('hex')}`, { password });
	if (!account.ok) throw new Error(account.error);
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
	try {
		const context = await browser.newContext({ baseURL: webUrl, locale: 'en-GB' });
		const fetched = new Set<string>();
		context.on('requestfinished', (request) => {
			// NOTE: Matrix traffic comes through the web app's own origin too (the same-origin proxy): left out, as above.
			const url = request.url();
			if (url.startsWith(webUrl) && !new URL(url).pathname.startsWith(PROXY_PREFIX)) fetched.add(url);
		});
		const page = await context.newPage();
		await page.goto('/en/sign-in');
		await page.getByLabel(en('signin_user_id_label')).fill(account.value.userId);
		await page.getByLabel(en('signin_password_label')).fill(password);
		// Enabled once the page's code runs; Enter before that does nothing.
		await page.locator('form button[type=submit]:enabled').waitFor();
		await page.getByLabel(en('signin_password_label')).press('Enter');
		await page.getByRole('button', { name: en('keys_setup_create') }).click();
		const recoveryKey = (await page.getByTestId('recovery-key').innerText()).trim();
		await page.getByRole('button', { name: en('keys_show_continue') }).click();
		await page.getByLabel(en('keys_confirm_label')).fill(recoveryKey);
		await page.getByRole('button', { name: en('keys_confirm_submit') }).click();
		await page.getByRole('button', { name: en('keys_continue') }).click();
		await page.locator(VERIFIED).waitFor({ timeout: 60_000 });
		await page.getByRole('link', { name: en('home_cases_link') }).click();
		await page.locator(USABLE).waitFor({ timeout: 60_000 });
		return [...fetched];
	} finally {
		await browser.close();
	}
}

export async function firstLoad(federation: FederationInfo): Promise<void> {
	const server = await benchWebServer(WEB_PORT);
	try {
		const urls = await appResourcesOfASignIn(server.url, homeserverOf(federation, 'gt-mp'));
		const wasm = urls.filter((u) => kindOf(u) === 'wasm');
		if (wasm.length !== 1) throw new Error(`expected the crypto WASM once among the app's downloads, saw ${wasm.length}`);
		for (const encoding of ['gzip', 'br'] as const satisfies readonly Encoding[]) {
			const sizes = await Promise.all(urls.map(async (url) => ({ kind: kindOf(url), bytes: await transferSize(url, encoding) })));
			const baseline = await transferSize(wasm[0]!, encoding);
			const sum = (kind?: AssetKind) => sizes.filter((s) => kind === undefined || s.kind === kind).reduce((total, s) => total + s.bytes, 0);
			for (const kind of ['js', 'css', 'wasm', 'other', undefined] as const) {
				report({
					metric: `first_load.${encoding === 'br' ? 'brotli' : 'gzip'}.${kind ?? 'total'}`,
					value: sum(kind),
					unit: 'bytes',
					baseline,
					baseline_is: `the crypto WASM alone, ${encoding === 'br' ? 'brotli' : 'gzip'}, same run`,
					n: sizes.filter((s) => kind === undefined || s.kind === kind).length,
					until: 'signed in, recovery key set up, requests dashboard usable',
				});
			}
		}
	} finally {
		await server.stop();
	}
}
