// Acceptance 5 (issue 9): the sign-in form sends a password only to the
// deployment's member homeservers, at the deployment's own address for them.
// - A real account on the outsider homeserver (in no network) is refused with
//   the clear message, in each of the five languages, and the browser makes
//   no request to the outsider — nor to any homeserver at all.
// - Look-alike server names (another port, no port, leading zeros, hex, an
//   IPv6 form of the same address, user-info and path tricks, full-width
//   digits) are refused the same way, before any request.
// - A homeserver address slipped in from outside the form (URL parameters, a
//   field injected into the form) changes nothing: a member's sign-in goes to
//   the deployment's address only.
// - A stored session whose homeserver address was tampered with to point at
//   the outsider cannot send it the access token: the address is not used
//   (the browser reaches the user's own homeserver through the app), and the
//   page's policy would block the connection anyway; one whose user ID was
//   changed to the outsider's is refused by the app's proxy.
import { expect, test, type Page } from '@playwright/test';
import { registerAccount } from '../../deploy/local/provision.ts';
import { freshAccount, homeserverOf, logOutRegistration } from '../e2e/support/accounts.ts';
import { watchCsp } from '../e2e/support/csp-watch.ts';
import { browserClientUrl, federation, webUrl } from '../e2e/support/env.ts';
import { LOCALES, message, type Locale } from '../e2e/support/messages.ts';
import { en, newBrowser, signInReady } from '../e2e/support/session-pages.ts';

test.setTimeout(120_000);

const members = () => federation().homeservers.filter((hs) => hs.id !== 'outsider');

/** The member server names as the page's language lists them (the browser's own Intl, as the page uses). */
function listed(page: Page, locale: string): Promise<string> {
	return page.evaluate(([language, names]) => new Intl.ListFormat(language, { type: 'disjunction' }).format(names), [
		locale,
		members().map((hs) => hs.serverName),
	] as const);
}

async function submit(page: Page, userId: string, password: string, locale: Locale = 'en'): Promise<void> {
	await page.getByLabel(message(locale, 'signin_user_id_label')).fill(userId);
	await page.getByLabel(message(locale, 'signin_password_label')).fill(password);
	await signInReady(page, locale);
	await page.getByLabel(message(locale, 'signin_password_label')).press('Enter');
}

test('an account on a homeserver outside the roster is refused in the browser, in five languages, with no request to it', async ({
	browser,
}) => {
	const outsider = homeserverOf('outsider');
	const registered = await registerAccount(outsider, `sec-outsider-${Date.now().toString(36)}`, { password: 'a-real-password-1' });
	if (!registered.ok) throw new Error(registered.error);
	const account = { ...registered.value, homeserver: outsider };
	const { context, page, seen } = await newBrowser(browser, account);

	for (const locale of LOCALES) {
		await page.goto(`/${locale}/sign-in`);
		await expect(page.getByTestId('signin-servers')).toBeVisible();
		await submit(page, account.userId, 'a-real-password-1', locale);
		const field = page.getByLabel(message(locale, 'signin_user_id_label'));
		await expect(field).toBeFocused();
		await expect(field).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('#signin-user-id-problem')).toHaveText(
			message(locale, 'signin_error_not_member', { server: outsider.serverName, servers: await listed(page, locale) }),
		);
		// Still signed out: the password went nowhere.
		expect(await page.evaluate(() => localStorage.getItem('rogatory.session'))).toBeNull();
	}

	expect(seen.requests.length).toBeGreaterThan(0);
	expect(
		seen.requests.filter((url) => url.startsWith(outsider.clientUrl) || url.startsWith(browserClientUrl(outsider))),
		'requests to the outsider',
	).toEqual([]);
	expect(
		seen.requests.filter((url) => /^\/_?matrix\//.test(new URL(url).pathname)),
		'requests to any homeserver, directly or through the app',
	).toEqual([]);
	expect(seen.consoleErrors).toEqual([]);
	await context.close();
	await logOutRegistration(account);
});

test('look-alike server names are refused before any request', async ({ browser }) => {
	const member = homeserverOf('gt-mp');
	const { hostname: host, port } = new URL(`http://${member.serverName}`);
	const [a, b, c, d] = host.split('.').map(Number) as [number, number, number, number];
	const lookAlikes = {
		'another port': `${host}:${Number(port) + 1}`,
		'no port': host,
		'leading zeros': `${a}.${b}.0${c}.${d}:${port}`,
		hexadecimal: `0x${a.toString(16)}.${b}.${c}.${d}:${port}`,
		'IPv6-mapped': `[::ffff:${host}]:${port}`,
		localhost: `localhost:${port}`,
		'the outsider': homeserverOf('outsider').serverName,
	};
	const malformed = {
		'user-info trick': `evil.example@${member.serverName}`,
		'two servers': `${member.serverName}@${homeserverOf('outsider').serverName}`,
		'a path': `${member.serverName}/evil`,
		'a trailing dot': `${host}.:${port}`,
		'full-width digits': `${member.serverName.replace(/\d/g, (digit) => String.fromCodePoint(0xff10 + Number(digit)))}`,
	};
	const { context, page, seen } = await newBrowser(browser, await freshAccount(member, 'sec-lookalike'));
	await page.goto('/en/sign-in');
	for (const [what, serverName] of Object.entries(lookAlikes)) {
		await submit(page, `@ana.lopez:${serverName}`, 'a-password');
		await expect(page.locator('#signin-user-id-problem'), what).toHaveText(
			en('signin_error_not_member', { server: serverName, servers: await listed(page, 'en') }),
		);
	}
	for (const [what, serverName] of Object.entries(malformed)) {
		await submit(page, `@ana.lopez:${serverName}`, 'a-password');
		await expect(page.locator('#signin-user-id-problem'), what).toHaveText(en('signin_error_user_id_invalid_server'));
	}
	expect(
		seen.requests.filter((url) => /^\/_?matrix\//.test(new URL(url).pathname)),
		'requests to any homeserver, directly or through the app',
	).toEqual([]);
	expect(seen.consoleErrors).toEqual([]);
	await context.close();
});

test('an address slipped in from outside the form changes nothing: the password goes to the deployment’s address only', async ({
	browser,
}) => {
	const account = await freshAccount(homeserverOf('gt-mp'), 'sec-address');
	const outsiderUrl = homeserverOf('outsider').clientUrl;
	const { context, page, seen } = await newBrowser(browser, account);
	const logins: string[] = [];
	page.on('request', (request) => {
		if (request.method() === 'POST' && request.url().endsWith('/_matrix/client/v3/login')) logins.push(request.url());
	});
	const tampered = new URLSearchParams({ homeserver: outsiderUrl, hs_url: outsiderUrl, server: outsiderUrl, baseUrl: outsiderUrl });
	await page.goto(`/en/sign-in?${tampered.toString()}`);
	// Once the page runs (its check of the ID's server answers), a homeserver field is put into the
	// form (the old form had one), filled with the outsider's address.
	await page.getByLabel(en('signin_user_id_label')).fill('@probe:127.0.20.250:28448');
	await page.getByLabel(en('signin_user_id_label')).press('Tab');
	await expect(page.locator('#signin-user-id-problem')).toBeVisible();
	await page.evaluate((url) => {
		const input = document.createElement('input');
		input.name = 'homeserver';
		input.id = 'signin-homeserver';
		input.value = url;
		document.querySelector('form')?.prepend(input);
	}, outsiderUrl);
	await submit(page, account.userId, account.password);
	await expect(page).toHaveURL(/\/en\/keys$/);
	expect(logins).toEqual([`${browserClientUrl(account.homeserver)}/_matrix/client/v3/login`]);
	expect(
		seen.requests.filter((url) => url.startsWith(outsiderUrl)),
		'requests to the outsider',
	).toEqual([]);
	const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('rogatory.session'))) ?? '{}') as { homeserverUrl?: string };
	expect(stored.homeserverUrl).toBe(browserClientUrl(account.homeserver));
	await context.close();
	await logOutRegistration(account);
});

test('a stored session tampered to name the outsider cannot send it the token', async ({ browser }) => {
	const account = await freshAccount(homeserverOf('gt-mp'), 'sec-tampered');
	const outsider = homeserverOf('outsider');
	const context = await browser.newContext({ baseURL: webUrl(), locale: 'en-GB' });
	const csp = await watchCsp(context);
	const reached: string[] = [];
	const proxied: { url: string; status: number }[] = [];
	context.on('requestfinished', (request) => {
		if (request.url().startsWith(outsider.clientUrl)) reached.push(request.url());
	});
	context.on('requestfailed', (request) => {
		if (request.url().startsWith(outsider.clientUrl)) reached.push(request.url());
	});
	context.on('response', (response) => {
		if (response.url().startsWith(browserClientUrl(outsider))) proxied.push({ url: response.url(), status: response.status() });
	});
	const page = await context.newPage();
	await page.goto('/en/sign-in');
	const tamper = (session: { userId: string; homeserverUrl: string }) =>
		page.evaluate(
			({ userId, deviceId, accessToken, homeserverUrl }) =>
				localStorage.setItem('rogatory.session', JSON.stringify({ version: 1, homeserverUrl, userId, deviceId, accessToken })),
			{ ...session, deviceId: account.deviceId, accessToken: account.accessToken },
		);
	// What someone with a moment at the unlocked browser (or an old XSS) could leave behind: the outsider's address…
	await tamper({ userId: account.userId, homeserverUrl: outsider.clientUrl });
	// …is not used: the session reaches its own homeserver, through the app.
	const own = page.waitForResponse(
		(response) => response.url().startsWith(`${browserClientUrl(account.homeserver)}/_matrix/`) && response.ok(),
	);
	await page.goto('/en/home');
	await own;
	// Through the app, the outsider is not reachable either: its proxy refuses a homeserver outside the roster.
	const refused = await context.request.get(`${browserClientUrl(outsider)}/_matrix/client/versions`);
	expect(refused.status()).toBe(404);
	expect(proxied.filter((answer) => answer.status !== 404)).toEqual([]);
	expect(reached, 'requests that reached the outsider').toEqual([]);
	expect(csp.violations).toEqual([]);
	await context.close();
	await logOutRegistration(account);
});
