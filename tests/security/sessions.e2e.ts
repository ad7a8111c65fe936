// Web sessions end when the Matrix session ends (issue 9, acceptance 4), in
// Chromium and over HTTP against the test web server, which re-checks
// sessions with the homeserver every ROGATORY_SESSION_RECHECK_SECONDS
// (scripts/e2e-environment.ts): once the Matrix token a session was made with
// is logged out, the register's download is refused at once and its page as
// soon as the session is next re-checked; a stolen session cookie dies with
// the browser's Matrix session; "sign out everywhere" ends every web session
// and every Matrix session of the user; an authority administrator ends every
// session of a person of their authority, whose device then gets no new one
// from its old token, and others are shown who may do it.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { freshAccount, homeserverOf, logOutRegistration, rosterAccount, tokenAccepted, type E2eAccount } from '../e2e/support/accounts.ts';
import { browserClientUrl, webUrl } from '../e2e/support/env.ts';
import { message } from '../e2e/support/messages.ts';
import { en, expectClean, newBrowser, signInToKeys } from '../e2e/support/session-pages.ts';
import type { Watch } from '../e2e/support/watch.ts';

test.setTimeout(180_000);

const GUATEMALA = 'Ministerio Público de Guatemala';
const RECHECK_SECONDS = Number(process.env['ROGATORY_SESSION_RECHECK_SECONDS'] ?? '300');
/** How long a poll waits for the server's next re-check to have happened: the interval, and room for a slow machine. */
const RECHECK_POLL = { timeout: RECHECK_SECONDS * 1000 + 30_000, intervals: [500] };

/** A client of the web app that is no browser: it holds a session cookie and nothing else. */
function apiClient(playwright: {
	request: { newContext(options: { baseURL: string }): Promise<APIRequestContext> };
}): Promise<APIRequestContext> {
	return playwright.request.newContext({ baseURL: webUrl() });
}

/** Makes a web session from a Matrix token, as the browser does after sign-in. */
async function openServerSession(request: APIRequestContext, account: E2eAccount, token = account.accessToken): Promise<number> {
	const response = await request.post('/api/session', {
		data: { userId: account.userId, accessToken: token },
		headers: { Origin: webUrl() },
	});
	return response.status();
}

async function sessionUser(request: APIRequestContext): Promise<unknown> {
	return ((await (await request.get('/api/session')).json()) as { userId: unknown }).userId;
}

/** What the register page's data says: 'register' (the authority's register), 'no-session', or the HTTP status. */
async function registerPageData(request: APIRequestContext): Promise<string> {
	const response = await request.get('/en/register/__data.json');
	const text = await response.text();
	// NOTE: the access the page was given, not an authority's name alone: every signed-in page's data carries the
	// roster's authorities, session or not (routes/(signed-in)/+layout.server.ts).
	if (response.status() === 200 && text.includes('"allowed"') && text.includes(GUATEMALA)) return 'register';
	if (response.status() === 200 && text.includes('"no-session"')) return 'no-session';
	return `HTTP ${response.status()}`;
}

/** The Matrix token this browser signed in with (as it keeps it). */
async function browserToken(page: Page): Promise<string> {
	const stored = await page.evaluate(() => globalThis.localStorage.getItem('rogatory.session'));
	return (JSON.parse(stored ?? '{}') as { accessToken: string }).accessToken;
}

async function logOutToken(account: E2eAccount, token: string): Promise<void> {
	const response = await fetch(`${account.homeserver.clientUrl}/_matrix/client/v3/logout`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
		body: '{}',
	});
	expect(response.status).toBe(200);
}

/**
 * A browser whose Matrix token was ended elsewhere hears "unknown token" from
 * its homeserver (the browser logs the 401s, the SDK its failed requests and
 * that it has no refresh token); nothing else may go wrong.
 */
function expectOnlyLoggedOutErrors(seen: Watch, account: E2eAccount): void {
	const loggedOut = (e: string) =>
		(e.includes('status of 401') && e.includes(browserClientUrl(account.homeserver))) ||
		e.includes('M_UNKNOWN_TOKEN') ||
		e.startsWith('[matrix] Unable to refresh token - no refresh token');
	expect(seen.pageErrors).toEqual([]);
	expect(seen.consoleErrors.filter((e) => !loggedOut(e))).toEqual([]);
}

test('after its Matrix token is logged out, a session gets no register download at once and no register page from its next re-check', async ({
	playwright,
}) => {
	const officer = await rosterAccount('gt-mp', 'carlos.mendez');
	const second = await rosterAccount('gt-mp', 'carlos.mendez');
	const forDownload = await apiClient(playwright);
	const forPage = await apiClient(playwright);
	expect(await openServerSession(forDownload, officer)).toBe(204);
	expect(await openServerSession(forPage, second)).toBe(204);
	expect(await registerPageData(forPage)).toBe('register');
	expect(await registerPageData(forDownload)).toBe('register');
	// The download is served (or says the bridge has written no register yet): not refused.
	expect([200, 404]).toContain((await forDownload.get('/en/register/cases.csv')).status());

	await logOutToken(officer, officer.accessToken);
	await logOutToken(second, second.accessToken);
	// The download asks the homeserver first, every time: refused at once, and the session is over.
	const download = await forDownload.get('/en/register/cases.csv');
	expect(download.status()).toBe(401);
	expect(await download.text()).not.toContain(GUATEMALA);
	expect(await sessionUser(forDownload)).toBeNull();
	expect((await forDownload.get('/en/register/cases.json')).status()).toBe(401);
	// The page is refused from the session's next re-check on.
	await expect.poll(() => registerPageData(forPage), RECHECK_POLL).toBe('no-session');
	expect(await sessionUser(forPage)).toBeNull();
	// A sign-in with the dead token makes no new session.
	expect(await openServerSession(forPage, second)).toBe(401);

	await forDownload.dispose();
	await forPage.dispose();
});

test('a stolen session cookie dies with the browser’s Matrix session', async ({ browser, playwright }) => {
	const officer = await rosterAccount('gt-mp', 'carlos.mendez');
	const { context, page, seen } = await newBrowser(browser, officer);
	await signInToKeys(page, officer);
	await expect.poll(() => sessionUser(context.request)).toBe(officer.userId);
	// The thief copies the cookie into a client of their own: it is the officer's session.
	const cookie = (await context.cookies()).find((c) => c.name === 'rogatory_session');
	if (cookie === undefined) throw new Error('no session cookie');
	const thief = await playwright.request.newContext({ baseURL: webUrl(), storageState: { cookies: [cookie], origins: [] } });
	expect(await sessionUser(thief)).toBe(officer.userId);
	expect(await registerPageData(thief)).toBe('register');

	// The officer's device is signed out (from another device, or by the homeserver's administrator).
	await logOutToken(officer, await browserToken(page));
	expect((await thief.get('/en/register/cases.csv')).status()).toBe(401);
	expect(await sessionUser(thief)).toBeNull();
	expect(await sessionUser(context.request)).toBeNull();
	// The browser notices too, and signs itself out.
	await expect(page).toHaveURL(/\/en\/sign-in$/, { timeout: 60_000 });

	expectOnlyLoggedOutErrors(seen, officer);
	await thief.dispose();
	await context.close();
	await logOutRegistration(officer);
});

test('“sign out everywhere” ends every web session and every Matrix session of the user, after saying so', async ({
	browser,
	playwright,
}) => {
	const account = await freshAccount(homeserverOf('gt-mp'), 'e2e-everywhere');
	const a = await newBrowser(browser, account);
	const b = await newBrowser(browser, account);
	await signInToKeys(a.page, account);
	await signInToKeys(b.page, account);
	const api = await apiClient(playwright);
	expect(await openServerSession(api, account)).toBe(204);
	await expect.poll(() => sessionUser(a.context.request)).toBe(account.userId);
	await expect.poll(() => sessionUser(b.context.request)).toBe(account.userId);
	const bToken = await browserToken(b.page);
	// Signed in, but no register reader: the download is refused as such (403), not for want of a session.
	expect((await b.context.request.get('/en/register/cases.csv')).status()).toBe(403);

	await a.page.goto('/en/sign-out');
	await expect(a.page.getByRole('heading', { level: 2, name: en('everywhere_section_heading') })).toBeVisible();
	await a.page.getByRole('link', { name: en('everywhere_link') }).click();
	await expect(a.page).toHaveURL(/\/en\/sign-out\/everywhere$/);
	await expect(a.page.getByRole('heading', { level: 1, name: en('everywhere_heading') })).toBeVisible();
	// It says plainly what it does, naming the account, before anything is done.
	await expect(a.page.getByText(en('everywhere_text', { userId: account.userId }))).toBeVisible();
	await expect(a.page.getByText(en('everywhere_consequences'))).toBeVisible();
	expect(await sessionUser(b.context.request)).toBe(account.userId);
	await a.page.getByRole('button', { name: en('everywhere_confirm') }).click();
	await expect(a.page).toHaveURL(/\/en\/sign-in$/);

	// Every web session of the user ended at once: both browsers' and the one made from a token.
	expect(await sessionUser(a.context.request)).toBeNull();
	expect(await sessionUser(b.context.request)).toBeNull();
	expect(await sessionUser(api)).toBeNull();
	expect((await b.context.request.get('/en/register/cases.csv')).status()).toBe(401);
	// And every Matrix session: the other browser's token, and the registration's own.
	expect(await tokenAccepted(account, bToken)).toBe(false);
	expect(await tokenAccepted(account, account.accessToken)).toBe(false);
	await expect(b.page).toHaveURL(/\/en\/sign-in$/, { timeout: 60_000 });

	expectClean(a.seen, 'the browser that signed out everywhere');
	expectOnlyLoggedOutErrors(b.seen, account);
	await api.dispose();
	await a.context.close();
	await b.context.close();
});

test('an authority administrator ends every web session of a person of the authority; others are told who may', async ({
	browser,
	playwright,
}) => {
	const carlos = await rosterAccount('gt-mp', 'carlos.mendez');
	const victim = await apiClient(playwright);
	expect(await openServerSession(victim, carlos)).toBe(204);

	const admin = await rosterAccount('gt-mp', 'sofia.herrera');
	const { context, page, seen } = await newBrowser(browser, admin);
	await signInToKeys(page, admin);
	await page.goto('/en/home');
	// The link shows once the browser's server session says who this is.
	await page.getByRole('link', { name: en('sessions_admin_link') }).click();
	await expect(page).toHaveURL(/\/en\/admin\/sessions$/);
	await expect(page.getByRole('heading', { level: 1, name: en('sessions_admin_heading', { authority: GUATEMALA }) })).toBeVisible();
	const card = page.locator('[data-person="carlos.mendez"]');
	await expect(card).toBeVisible();
	expect(Number(await card.getAttribute('data-sessions'))).toBeGreaterThanOrEqual(1);
	await card.getByRole('link', { name: en('sessions_admin_end', { name: 'Carlos Méndez' }) }).click();
	// A confirmation that names the person first; nothing has ended yet.
	await expect(
		page.getByRole('heading', { level: 2, name: en('sessions_admin_confirm_heading', { name: 'Carlos Méndez' }) }),
	).toBeVisible();
	expect(await sessionUser(victim)).toBe(carlos.userId);
	await page.getByRole('button', { name: en('sessions_admin_confirm_submit') }).click();
	await expect(page.getByTestId('sessions-ended')).toContainText('Carlos Méndez');
	await expect(card).toHaveAttribute('data-sessions', '0');

	expect(await sessionUser(victim)).toBeNull();
	expect((await victim.get('/en/register/cases.csv')).status()).toBe(401);
	// The device gets no new session from its old token; signing in again (a new device) does.
	expect(await openServerSession(victim, carlos)).toBe(403);
	const again = await rosterAccount('gt-mp', 'carlos.mendez');
	expect(await openServerSession(victim, again)).toBe(204);

	// Another authority's officer, in French: refused, and told who may.
	const amina = await rosterAccount('ng-ca', 'amina.bello');
	const other = await newBrowser(browser, amina);
	await signInToKeys(other.page, amina);
	await expect.poll(() => sessionUser(other.context.request)).toBe(amina.userId);
	other.seen.expectHttpErrorFrom(`${webUrl()}/fr/admin/sessions`);
	expect((await other.page.goto('/fr/admin/sessions'))?.status()).toBe(403);
	await expect(other.page.getByRole('heading', { level: 1, name: message('fr', 'sessions_admin_refused_heading') })).toBeVisible();
	await expect(other.page.getByTestId('sessions-refusal')).toHaveText(
		message('fr', 'sessions_admin_refused_body', { authority: 'Central Authority Unit, Federal Ministry of Justice of Nigeria' }),
	);

	expectClean(seen, 'administrator');
	expectClean(other.seen, 'officer of another authority');
	await victim.dispose();
	await context.close();
	await other.context.close();
	for (const account of [carlos, again, admin, amina]) await logOutRegistration(account);
});
