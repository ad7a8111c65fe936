// The app kept in the browser (issue 11, "Slow lines"): once a session has
// opened, the service worker holds the app's files, so a repeat visit takes
// none of them from the network; with the network gone, the dashboard's page
// still loads and says the browser is offline. And what it keeps is only the
// app: no Matrix answer, nothing of another origin, not the register — and
// the pages it kept are gone after sign-out.
import { expect, test, type Page } from '@playwright/test';
import { freshAccount, memberHomeserver } from './support/accounts.ts';
import { en, newBrowser, setUpRecoveryKey, signIn } from './support/session-pages.ts';

/** Every URL the app's service worker keeps, in every cache of the origin. */
function keptUrls(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
		return urls;
	});
}

test('a repeat visit is served by the service worker, the shell starts offline, and no Matrix answer is kept', async ({
	browser,
	baseURL,
}) => {
	test.setTimeout(180_000);
	const account = await freshAccount(memberHomeserver(), 'offline');
	const { context, page } = await newBrowser(browser, account);
	await page.goto('/en/sign-in');
	await signIn(page, account);
	await setUpRecoveryKey(page);
	await page.getByRole('link', { name: en('home_cases_link') }).click();
	await expect(page.getByTestId('case-count')).toBeVisible();
	// Registered once the session is open; it controls the page once it has taken over.
	await page.waitForFunction(
		async () => (await navigator.serviceWorker.ready).active?.state === 'activated' && navigator.serviceWorker.controller !== null,
	);
	// Once more with the worker in charge, so the page itself passes through it.
	await page.reload();
	await expect(page.getByTestId('case-count')).toBeVisible();

	// ── A repeat visit: every file of the app from the worker, none from the network ──
	const repeat = await context.newPage();
	const appFiles: { url: string; fromWorker: boolean }[] = [];
	const matrix: { url: string; fromWorker: boolean }[] = [];
	repeat.on('response', (response) => {
		const url = new URL(response.url());
		if (url.origin === baseURL && url.pathname.startsWith('/_app/'))
			appFiles.push({ url: url.pathname, fromWorker: response.fromServiceWorker() });
		// Matrix answers come through the app's proxy (/matrix/<server name>/_matrix/…).
		if (/^\/_?matrix\//.test(url.pathname)) matrix.push({ url: url.pathname, fromWorker: response.fromServiceWorker() });
	});
	await repeat.goto('/en/cases');
	await expect(repeat.getByTestId('case-count')).toBeVisible();
	expect(appFiles.filter((file) => file.url.endsWith('.wasm'))).toHaveLength(1);
	expect(appFiles.filter((file) => !file.fromWorker)).toEqual([]);
	expect(matrix.length).toBeGreaterThan(0);
	expect(matrix.filter((answer) => answer.fromWorker)).toEqual([]);

	// ── What it keeps: the app's files and the pages without case content, nothing else ──
	const kept = await keptUrls(repeat);
	expect(kept.some((url) => url.endsWith('.wasm'))).toBe(true);
	expect(kept).toContain(`${baseURL}/en/cases`);
	expect(kept.filter((url) => !url.startsWith(`${baseURL}/`))).toEqual([]);
	expect(kept.filter((url) => /\/_?matrix\/|\/api\/|\/register/.test(url))).toEqual([]);
	await repeat.close();

	// ── Offline: the shell and the dashboard's page still load, and say so ──
	await context.setOffline(true);
	const offline = await context.newPage();
	await offline.goto('/en/cases');
	await expect(offline.getByTestId('offline-notice')).toHaveText(en('offline_notice'));
	await expect(offline.getByRole('link', { name: 'Rogatory' })).toBeVisible();
	await offline.close();
	await context.setOffline(false);

	// ── Sign-out forgets the pages it kept; the app's files stay ──
	await page.goto('/en/home');
	await page.getByRole('link', { name: en('home_sign_out') }).click();
	await page.getByRole('button', { name: en('signout_confirm') }).click();
	await expect(page.getByRole('status').filter({ hasText: en('signout_done') })).toBeVisible();
	const after = await keptUrls(page);
	// NOTE: the sign-in page the person lands on after signing out may be kept again: it is the same for everyone.
	expect(after.filter((url) => /\/(home|cases|keys)(\/|$)/.test(new URL(url).pathname))).toEqual([]);
	expect(after.some((url) => url.endsWith('.wasm'))).toBe(true);
	await context.close();
});
