// The authority's register in the web app, in Chromium against the real
// federation, with roster people (roles come from the roster): Guatemala's
// central-authority officer signs in, the browser gets its server session,
// and the register and statistics pages of his authority open; Nigeria's
// prosecutor gets the refusal that says who may read the register, in the
// page's language, on the pages and the downloads alike; the server refuses
// a session for a token the homeserver does not accept. The last test needs
// the requested authority's bridge running on the federation (it writes the
// register): the officer there sees the request a prosecutor just opened,
// with its current status and the bridge's last check of its history.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { freshAccount, homeserverOf, logOutRegistration, rosterAccount } from './support/accounts.ts';
import { webUrl } from './support/env.ts';
import { message } from './support/messages.ts';
import { en, expectClean, newBrowser, setUpRecoveryKey, signInToKeys } from './support/session-pages.ts';

test.setTimeout(180_000);

/** Whose server session the browser's cookie holds, as the server says. */
async function sessionUser(request: APIRequestContext): Promise<unknown> {
	return ((await (await request.get('/api/session')).json()) as { userId: unknown }).userId;
}

const GUATEMALA = 'Ministerio Público de Guatemala';
const NIGERIA = 'Central Authority Unit, Federal Ministry of Justice of Nigeria';

test('a central-authority officer opens the register and statistics of his authority', async ({ browser }) => {
	const officer = await rosterAccount('gt-mp', 'carlos.mendez');
	const { context, page, seen } = await newBrowser(browser, officer);
	await signInToKeys(page, officer);
	await expect.poll(() => sessionUser(context.request)).toBe(officer.userId);
	// The cookie is httpOnly and SameSite=Lax, for the whole app.
	const cookie = (await context.cookies()).find((c) => c.name === 'rogatory_session');
	expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
	expect(cookie?.value).toMatch(/^[a-z2-7]{32}$/);

	await page.goto('/en/register');
	await expect(page.getByRole('heading', { level: 1, name: en('register_heading', { authority: GUATEMALA }) })).toBeVisible();
	await expect(page.getByRole('navigation', { name: en('register_nav_label') })).toBeVisible();
	// Either the bridge has written the register (its table) or the page says it has not yet.
	await expect(page.getByTestId('register-table').or(page.getByTestId('register-missing'))).toBeVisible();
	if (await page.getByTestId('register-missing').isVisible())
		await expect(page.getByTestId('register-missing')).toHaveText(en('register_missing', { authority: GUATEMALA }));

	await page.getByRole('link', { name: en('register_nav_statistics') }).click();
	await expect(page).toHaveURL(/\/en\/register\/statistics$/);
	await expect(page.getByRole('heading', { level: 1, name: en('statistics_heading', { authority: GUATEMALA }) })).toBeVisible();

	// A fresh tab of the same browser keeps the session; after sign-out the cookie names nobody.
	await page.goto('/es/register');
	await expect(page.getByRole('heading', { level: 1, name: message('es', 'register_heading', { authority: GUATEMALA }) })).toBeVisible();
	await page.goto('/en/sign-out');
	await page.getByRole('button', { name: en('signout_confirm') }).click();
	await expect(page).toHaveURL(/\/en\/sign-in$/);
	await expect.poll(() => sessionUser(context.request)).toBeNull();
	expect((await context.request.get('/en/register/cases.csv')).status()).toBe(401);

	expectClean(seen, 'officer');
	await context.close();
	await logOutRegistration(officer);
});

test('a prosecutor of another authority is refused the register, in his language', async ({ browser }) => {
	const prosecutor = await rosterAccount('ng-ca', 'chinedu.okafor');
	const { context, page, seen } = await newBrowser(browser, prosecutor);
	await signInToKeys(page, prosecutor);
	await expect.poll(() => sessionUser(context.request)).toBe(prosecutor.userId);

	// The refusal is an HTTP 403 (the browser logs it; expected) and says who may read the register.
	for (const locale of ['en', 'fr'] as const) {
		seen.expectHttpErrorFrom(`${webUrl()}/${locale}/register`);
		const response = await page.goto(`/${locale}/register`);
		expect(response?.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1, name: message(locale, 'register_refused_heading') })).toBeVisible();
		await expect(page.getByTestId('register-refusal')).toHaveText(message(locale, 'register_refused_body', { authority: NIGERIA }));
	}
	seen.expectHttpErrorFrom(`${webUrl()}/en/register/statistics`);
	expect((await page.goto('/en/register/statistics'))?.status()).toBe(403);
	await expect(page.getByTestId('register-refusal')).toBeVisible();
	expect((await context.request.get('/en/register/cases.csv')).status()).toBe(403);
	expect((await context.request.get('/en/register/cases.json')).status()).toBe(403);

	expectClean(seen, 'prosecutor');
	await context.close();
	await logOutRegistration(prosecutor);
});

test('the server makes no session for a token the homeserver does not accept, nor for a server outside the deployment', async ({
	playwright,
}) => {
	const account = await freshAccount(homeserverOf('gt-mp'), 'e2e-register-token');
	const request = await playwright.request.newContext({ baseURL: webUrl() });
	const post = (data: unknown) => request.post('/api/session', { data, headers: { Origin: webUrl() } });
	expect((await post({ userId: account.userId, accessToken: 'not-a-token' })).status()).toBe(401);
	expect((await post({ userId: '@eve:evil.example', accessToken: account.accessToken })).status()).toBe(403);
	expect((await post({ accessToken: account.accessToken })).status()).toBe(400);
	expect(await sessionUser(request)).toBeNull();
	// The account's own token makes one.
	expect((await post({ userId: account.userId, accessToken: account.accessToken })).status()).toBe(204);
	expect(await sessionUser(request)).toBe(account.userId);
	expect((await request.delete('/api/session', { data: {}, headers: { Origin: webUrl() } })).status()).toBe(204);
	expect(await sessionUser(request)).toBeNull();
	await request.dispose();
	await logOutRegistration(account);
});

test('the requested authority’s officer sees a new request in the register, with its current status', async ({ browser }) => {
	const prosecutor = await freshAccount(homeserverOf('gt-mp'), 'e2e-register-a');
	const officer = await rosterAccount('ng-ca', 'amina.bello');
	const first = await newBrowser(browser, prosecutor);
	const a = first.page;
	await signInToKeys(a, prosecutor);
	await setUpRecoveryKey(a);

	const title = `Register e2e ${Date.now().toString(36)}`;
	const reference = `MP-REG-${Date.now().toString(36)}`;
	await a.goto('/en/cases/new');
	await expect(a.getByRole('heading', { level: 1, name: en('newcase_heading') })).toBeVisible();
	await a.getByLabel(en('newcase_kind')).selectOption('mla');
	await a.getByLabel(en('newcase_requested')).selectOption('ng-ca');
	await a.getByLabel(en('newcase_title'), { exact: true }).fill(title);
	await a.getByLabel(en('newcase_reference')).fill(reference);
	await a.getByLabel('Corruption', { exact: true }).check();
	await a.getByLabel(en('newcase_serious', { offence: 'Corruption' })).check();
	await a.getByLabel(en('newcase_invite'), { exact: true }).fill(officer.userId);
	await a.getByRole('button', { name: en('newcase_submit') }).click();
	await expect(a.getByTestId('case-status')).toHaveAttribute('data-status', 'sent');

	const second = await newBrowser(browser, officer);
	const b = second.page;
	await signInToKeys(b, officer);
	const row = b.getByTestId('register-entry').filter({ hasText: title });
	// The bridge of Nigeria's central authority joins the room and writes the register; reload until the row is there.
	await expect
		.poll(
			async () => {
				await b.goto('/en/register');
				await expect(b.getByRole('heading', { level: 1, name: en('register_heading', { authority: NIGERIA }) })).toBeVisible();
				return row.count();
			},
			{ timeout: 90_000, intervals: [2_000] },
		)
		.toBe(1);
	await expect(row.getByTestId('register-entry-status')).toHaveAttribute('data-status', 'sent');
	await expect(row).toContainText(en('register_their_reference', { reference }));
	// The bridge's last check of the room's history against its homeserver (issue 14), in a column of its own:
	// not checked yet until its next pass (hourly), unless the room's first timeline was cut short.
	await expect(b.getByRole('columnheader', { name: en('register_col_history') })).toBeVisible();
	await expect(row.getByTestId('register-entry-history')).toHaveAttribute('data-history', /^(none|complete|added|partial)$/);

	expectClean(first.seen, 'prosecutor');
	expectClean(second.seen, 'officer');
	await first.context.close();
	await second.context.close();
	await logOutRegistration(prosecutor);
	await logOutRegistration(officer);
});
