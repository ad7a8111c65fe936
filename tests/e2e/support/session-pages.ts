// Steps through the session pages as a person does, from the keyboard where
// it matters, in English: shared by the sign-in end-to-end tests.
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { E2eAccount } from './accounts.ts';
import { browserClientUrl, webUrl } from './env.ts';
import { isLoopbackUrl } from './loopback.ts';
import { message, type Locale } from './messages.ts';
import { watchContext, type Watch } from './watch.ts';

export const en = (key: string, values: Record<string, string | number> = {}): string => message('en', key, values);

/**
 * Answers whose HTTP error status is how the protocol says "none": no key
 * backup yet (GET room_keys/version → 404 M_NOT_FOUND), no MatrixRTC transports
 * on this homeserver (MSC4143 → 404). Chromium logs each as a console error;
 * the SDK reads them as answers, and so do these tests. Nothing else is let through.
 */
const NONE_ANSWERS = ['/_matrix/client/v3/room_keys/version', '/_matrix/client/unstable/org.matrix.msc4143/rtc/transports'];

export interface TestBrowser {
	readonly context: BrowserContext;
	readonly page: Page;
	readonly seen: Watch;
}

/** A new browser (its own storage: a new device when it signs in), watched. */
export async function newBrowser(browser: Browser, account: E2eAccount): Promise<TestBrowser> {
	const context = await browser.newContext({ baseURL: webUrl(), locale: 'en-GB' });
	const seen = watchContext(context);
	for (const path of NONE_ANSWERS) seen.expectHttpErrorFrom(`${browserClientUrl(account.homeserver)}${path}`);
	const page = await context.newPage();
	return { context, page, seen };
}

/**
 * Fills the sign-in form: Matrix ID, Tab, then the password and Enter. There
 * is no homeserver address to give: the form uses the deployment's own for
 * the ID's server, which it names among those that can sign in.
 */
export async function signIn(page: Page, account: E2eAccount, password = account.password): Promise<void> {
	const userId = page.getByLabel(en('signin_user_id_label'));
	await userId.fill(account.userId);
	await userId.press('Tab');
	await expect(page.getByTestId('signin-servers')).toContainText(account.homeserver.serverName);
	const passwordField = page.getByLabel(en('signin_password_label'));
	await passwordField.fill(password);
	await signInReady(page);
	await passwordField.press('Enter');
}

/** Signs in from the English sign-in page as a new device, which lands on the keys page. */
export async function signInToKeys(page: Page, account: E2eAccount): Promise<void> {
	await page.goto('/en/sign-in');
	await signIn(page, account);
	await expect(page).toHaveURL(/\/en\/keys$/);
}

/** The sign-in button is enabled once the page's code runs; Enter before that does nothing. */
export async function signInReady(page: Page, locale: Locale = 'en'): Promise<void> {
	await expect(page.getByRole('button', { name: message(locale, 'signin_submit') })).toBeEnabled();
}

/** On the key setup page: creates the recovery key, types it back, continues home. Returns the key. */
export async function setUpRecoveryKey(page: Page): Promise<string> {
	await expect(page.getByRole('heading', { level: 1, name: en('keys_setup_heading') })).toBeVisible();
	await page.getByRole('button', { name: en('keys_setup_create') }).click();
	const recoveryKey = (await page.getByTestId('recovery-key').innerText()).trim();
	await page.getByRole('button', { name: en('keys_show_continue') }).click();
	await page.getByLabel(en('keys_confirm_label')).fill(recoveryKey);
	await page.getByRole('button', { name: en('keys_confirm_submit') }).click();
	await expect(page.getByRole('heading', { level: 1, name: en('keys_done_heading') })).toBeVisible();
	await page.getByRole('button', { name: en('keys_continue') }).click();
	await expect(page.getByTestId('device-trust')).toHaveAttribute('data-trust', 'verified');
	return recoveryKey;
}

/**
 * On the recovery page of a new browser whose recovery key is lost: resets the
 * account's keys (new cross-signing identity and recovery key, the password
 * asked for) and continues home, verified (sign-in-reset.e2e.ts walks the same
 * way with its checks).
 */
export async function resetKeys(page: Page, account: E2eAccount): Promise<string> {
	await page.getByRole('button', { name: en('keys_reset_start') }).click();
	await page.getByRole('button', { name: en('keys_reset_confirm') }).click();
	const newKey = (await page.getByTestId('recovery-key').innerText()).trim();
	await page.getByRole('button', { name: en('keys_show_continue') }).click();
	await page.getByLabel(en('keys_confirm_label')).fill(newKey);
	await page.getByRole('button', { name: en('keys_confirm_submit') }).click();
	await page.getByLabel(en('signin_password_label')).fill(account.password);
	await page.getByRole('button', { name: en('keys_password_submit') }).click();
	await expect(page.getByRole('heading', { level: 1, name: en('keys_done_heading') })).toBeVisible();
	await page.getByRole('button', { name: en('keys_continue') }).click();
	await expect(page.getByTestId('device-trust')).toHaveAttribute('data-trust', 'verified');
	return newKey;
}

/** This browser's device ID, as the home page shows it. */
export function shownDeviceId(page: Page): Promise<string> {
	return page.locator('dd code').innerText();
}

export function expectClean(seen: Watch, who: string): void {
	expect(seen.pageErrors, `${who}: page errors`).toEqual([]);
	expect(seen.consoleErrors, `${who}: console errors`).toEqual([]);
	expect(seen.requests.length).toBeGreaterThan(0);
	expect(
		seen.requests.filter((url) => !isLoopbackUrl(url)),
		`${who}: requests that left loopback`,
	).toEqual([]);
}
