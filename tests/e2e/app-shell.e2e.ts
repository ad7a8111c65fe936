// The app shell in Chromium against the real federation: it loads without a
// console or page error, talks to nothing but loopback, finds every member
// homeserver of the federation reachable from the browser — and never
// contacts the one no authority claims (the outsider), which it lists as
// not checked — and speaks each of the five languages when asked (visible
// text and <html lang>), from the keyboard.
import { expect, test, type Page } from '@playwright/test';
import { demoRoster } from '../../policies/roster/testing/demo.ts';
import { browserClientUrl, federation, webUrl } from './support/env.ts';
import { isLoopbackUrl } from './support/loopback.ts';
import { LANGUAGE_NAMES, LOCALES, message, type Locale } from './support/messages.ts';

interface Watch {
	readonly requests: string[];
	readonly consoleErrors: string[];
	readonly pageErrors: string[];
}

function watch(page: Page): Watch {
	const seen: Watch = { requests: [], consoleErrors: [], pageErrors: [] };
	page.context().on('request', (request) => seen.requests.push(request.url()));
	page.on('console', (message) => {
		if (message.type() === 'error') seen.consoleErrors.push(`${message.text()} (${message.location().url})`);
	});
	page.on('pageerror', (error) => seen.pageErrors.push(error.stack ?? error.message));
	return seen;
}

async function expectLanguage(page: Page, locale: Locale): Promise<void> {
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
	await expect(page).toHaveURL(new RegExp(`/${locale}$`));
	await expect(page.getByRole('heading', { level: 2, name: message(locale, 'deployment_heading') })).toBeVisible();
	await expect(page.getByText(message(locale, 'tagline'), { exact: true })).toBeVisible();
	const switcher = page.getByRole('navigation', { name: message(locale, 'language_nav_label') });
	await expect(switcher.getByRole('link', { name: LANGUAGE_NAMES[locale] })).toHaveAttribute('aria-current', 'true');
}

test('the app shell shows the federation, every member homeserver reachable, in five languages, touching only loopback', async ({
	page,
}) => {
	const seen = watch(page);
	const all = federation().homeservers;
	const claimed = new Set<string>(demoRoster.authorities.map((authority) => authority.id));
	const homeservers = all.filter((homeserver) => claimed.has(homeserver.id));
	const unlisted = all.filter((homeserver) => !claimed.has(homeserver.id));
	expect(homeservers.length, 'the federation file lists member homeservers').toBeGreaterThan(0);
	expect(
		unlisted.map((homeserver) => homeserver.id),
		'the test federation has an outsider',
	).toEqual(['outsider']);

	await page.goto(webUrl());
	// Accept-Language is en-GB (playwright.config.ts), there is no cookie yet: English.
	await expectLanguage(page, 'en');

	for (const homeserver of homeservers) {
		const statuses = page.locator(`[data-homeserver-status="${homeserver.id}"]`);
		await expect(statuses.first(), `${homeserver.id} is on the page`).toBeVisible();
		for (const status of await statuses.all()) {
			await expect(status).not.toHaveAttribute('data-state', 'checking');
			const shown = `${homeserver.id} (${homeserver.clientUrl}) shows "${await status.innerText()}"`;
			expect(await status.getAttribute('data-state'), shown).toBe('reachable');
			await expect(status).toContainText(message('en', 'status_reachable'));
		}
		await expect(page.getByText(homeserver.serverName, { exact: true }).first()).toBeVisible();
	}
	const members = homeservers.length;
	await expect(page.getByTestId('status-summary')).toHaveText(
		message('en', 'status_summary', { checked: members, total: members, reachable: members }),
	);
	// The browser asks each one through the app (same-origin, web/proxy/), never at the homeserver's own address.
	for (const homeserver of homeservers) {
		expect(seen.requests, `the browser asked ${homeserver.id}`).toContain(`${browserClientUrl(homeserver)}/_matrix/client/versions`);
		expect(seen.requests.filter((url) => url.startsWith(homeserver.clientUrl))).toEqual([]);
	}
	for (const homeserver of unlisted) {
		await expect(page.locator(`[data-unlisted-homeserver="${homeserver.id}"]`)).toHaveText(message('en', 'unlisted_not_checked'));
		await expect(page.getByText(homeserver.serverName, { exact: true })).toBeVisible();
		expect(
			seen.requests.filter((url) => url.startsWith(homeserver.clientUrl) || url.startsWith(browserClientUrl(homeserver))),
			`the browser never contacts ${homeserver.id}`,
		).toEqual([]);
	}

	// Switch through every language from the keyboard, ending where we began.
	let previous: Locale = 'en';
	for (const locale of [...LOCALES.filter((l) => l !== 'en'), 'en'] as const) {
		const switcher = page.getByRole('navigation', { name: message(previous, 'language_nav_label') });
		await switcher.getByRole('link', { name: LANGUAGE_NAMES[locale] }).focus();
		await page.keyboard.press('Enter');
		await expectLanguage(page, locale);
		const heading = message(previous, 'deployment_heading');
		expect(message(locale, 'deployment_heading'), 'the languages differ').not.toBe(heading);
		await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toHaveCount(0);
		previous = locale;
	}

	// The choice is remembered: a bare URL now follows the cookie, not Accept-Language.
	await page.getByRole('link', { name: LANGUAGE_NAMES.pt }).click();
	await expectLanguage(page, 'pt');
	await page.goto(webUrl());
	await expectLanguage(page, 'pt');

	expect(seen.pageErrors, 'page errors').toEqual([]);
	expect(seen.consoleErrors, 'console errors').toEqual([]);
	expect(seen.requests.length).toBeGreaterThan(0);
	expect(
		seen.requests.filter((url) => !isLoopbackUrl(url)),
		'requests that left loopback',
	).toEqual([]);
});

test('the loopback rule itself', () => {
	for (const url of [
		'http://127.0.0.1:8080/x',
		'http://127.0.20.250:28008/_matrix',
		'http://localhost/',
		'http://[::1]:3000/',
		'data:text/plain,hi',
		'blob:http://127.0.0.1/abc',
	])
		expect(isLoopbackUrl(url), url).toBe(true);
	for (const url of [
		'https://cdn.jsdelivr.net/npm/x',
		'http://10.0.0.1/',
		'http://128.0.0.1/',
		'http://127.0.0.1.example.com/',
		'http://[::2]/',
		'not a url',
	])
		expect(isLoopbackUrl(url), url).toBe(false);
});
