// End to end, issue 5 acceptance 3: an electronic-evidence preservation in a
// case room, between two browsers on two homeservers and in two time zones
// (gt-mp in America/Guatemala, ng-ca in Africa/Lagos):
// - the prosecutor records a preservation request under 18 U.S.C. § 2703(f)
//   (legal zone America/New_York, the rule's default);
// - the officer confirms it with the date the custodian preserved the data;
// - both see the same expiry, each in their own zone, with the legal zone named;
// - an extension moves the expiry by the rule's 90 days, and no further one is offered;
// - the follow-up MLA request links to its own case, which opens from the link,
//   and both case records carry the link;
// - the dashboard lists it, and the .ics download has a VEVENT at the expiry instant.
import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { BUILT_IN_RULES, computeDeadline, formatInZone, type Deadline } from '../../policies/preservation/index.ts';
import { freshAccount, homeserverOf, logOutRegistration, type E2eAccount } from './support/accounts.ts';
import { openFromDashboard, openRequest, signedIn } from './support/case-pages.ts';
import { browserClientUrl, webUrl } from './support/env.ts';
import { en, expectClean, type TestBrowser } from './support/session-pages.ts';
import { watchContext } from './support/watch.ts';

test.setTimeout(300_000);

const DAY = 86_400_000;
const GUATEMALA = 'America/Guatemala';
const LAGOS = 'Africa/Lagos';
const NONE_ANSWERS = ['/_matrix/client/v3/room_keys/version', '/_matrix/client/unstable/org.matrix.msc4143/rtc/transports'];

/** Like newBrowser, in a time zone of its own, accepting downloads. */
async function browserIn(browser: Browser, account: E2eAccount, timezoneId: string): Promise<TestBrowser> {
	const context = await browser.newContext({ baseURL: webUrl(), locale: 'en-GB', timezoneId, acceptDownloads: true });
	const seen = watchContext(context);
	for (const path of NONE_ANSWERS) seen.expectHttpErrorFrom(`${browserClientUrl(account.homeserver)}${path}`);
	return { context, page: await context.newPage(), seen };
}

function deadline(start: string, extensions: number): Deadline {
	const rule = BUILT_IN_RULES.find((r) => r.id === 'us-2703f');
	if (rule === undefined) throw new Error('us-2703f is not in the table');
	const computed = computeDeadline({ rule, start, extensions, zone: null });
	if (!computed.ok) throw new Error(computed.error.reason);
	return computed.value;
}

/** The expiry as one page shows it: the legal reading and the viewer's, each with its zone. */
async function expectExpiry(page: Page, expected: Deadline, viewerZone: string): Promise<void> {
	const section = page.getByTestId('preservation');
	await expect(section.getByTestId('pres-expiry-legal')).toHaveAttribute('datetime', expected.expires, { timeout: 60_000 });
	await expect(section.getByTestId('pres-expiry-legal-zone')).toHaveText('America/New_York');
	await expect(section.getByTestId('pres-expiry-local')).toHaveAttribute('datetime', formatInZone(expected.expiresAt, viewerZone));
	await expect(section.getByTestId('pres-expiry')).toContainText(en('pres_your_time', { zone: viewerZone }));
	// The same instant, read in each zone.
	const legal = await section.getByTestId('pres-expiry-legal').getAttribute('datetime');
	const local = await section.getByTestId('pres-expiry-local').getAttribute('datetime');
	expect(Date.parse(legal ?? '')).toBe(expected.expiresAt);
	expect(Date.parse(local ?? '')).toBe(expected.expiresAt);
}

test('a preservation request: recorded, confirmed, the same expiry in two zones, extended, followed up, exported', async ({ browser }) => {
	const prosecutor = await freshAccount(homeserverOf('gt-mp'), 'e2e-pres-a');
	const officer = await freshAccount(homeserverOf('ng-ca'), 'e2e-pres-b');
	const first = await browserIn(browser, prosecutor, GUATEMALA);
	const second = await browserIn(browser, officer, LAGOS);
	const a = first.page;
	const b = second.page;
	await signedIn(a, prosecutor);
	await signedIn(b, officer);

	// ── Two requests: the one the preservation belongs to, and the MLA request that will follow it ──
	const stamp = Date.now();
	const title = `Mailbox preservation ${stamp}`;
	const mlaTitle = `Mailbox contents MLA ${stamp}`;
	await openRequest(a, { title: mlaTitle, requested: 'ng-ca', offence: 'Kidnapping', invite: [officer.userId] });
	await a.goto('/en/home');
	await openRequest(a, { title, requested: 'ng-ca', offence: 'Kidnapping', invite: [officer.userId] });

	// ── The prosecutor records the preservation request ──
	const section = a.getByTestId('preservation-section');
	await expect(section.getByTestId('pres-none')).toHaveText(en('pres_none'));
	// The form for a new preservation request is folded away under its heading.
	await a.getByText(en('pres_new_heading')).click();
	await a.getByLabel(en('pres_custodian')).fill('Example Mail Ltd.');
	await a.getByLabel(en('pres_identifiers_input')).fill('suspect@example.com\n+502 5555 0000');
	await a.getByLabel(en('pres_ranges_input')).fill('2026-01-01 to 2026-03-31 UTC');
	await a.getByLabel(en('pres_rule')).selectOption('us-2703f');
	await a.getByRole('button', { name: en('pres_new_submit') }).click();
	const mine = a.getByTestId('preservation');
	await expect(mine.getByRole('heading', { name: 'Example Mail Ltd.' })).toBeVisible({ timeout: 60_000 });
	await expect(mine.getByTestId('pres-state')).toHaveText(en('pres_state_unconfirmed'));
	await expect(mine.getByTestId('pres-status')).toHaveText(en('pres_status_requested'));

	// ── The officer confirms it: the custodian preserved the data yesterday at 10:00, Lagos time ──
	await openFromDashboard(b, title);
	const theirs = b.getByTestId('preservation');
	await expect(theirs.getByRole('heading', { name: 'Example Mail Ltd.' })).toBeVisible({ timeout: 60_000 });
	await expect(b.getByRole('button', { name: en('pres_new_submit') })).toHaveCount(0);
	const yesterdayInLagos = formatInZone(Date.now() - DAY, LAGOS).slice(0, 10);
	await b.getByLabel(en('pres_confirm_at')).fill(`${yesterdayInLagos}T10:00`);
	await b.getByRole('button', { name: en('pres_confirm_submit') }).click();
	const confirmedAt = `${yesterdayInLagos}T10:00:00.000+01:00`;
	await expect(theirs.getByTestId('pres-confirmed')).toHaveText(confirmedAt, { timeout: 60_000 });

	// ── Both see the same expiry, 90 days on in New York, each in their own zone ──
	const initial = deadline(confirmedAt, 0);
	await expectExpiry(b, initial, LAGOS);
	await expectExpiry(a, initial, GUATEMALA);
	for (const page of [a, b]) {
		await expect(page.getByTestId('preservation').getByTestId('pres-state')).toHaveText(en('pres_state_safe'));
		await expect(page.getByTestId('preservation').getByTestId('pres-status')).toHaveText(en('pres_status_confirmed'));
	}

	// ── One extension: § 2703(f)(2), "an additional 90-day period"; none after it ──
	await a.getByRole('button', { name: en('pres_extend_submit', { n: 1 }) }).click();
	const extended = deadline(confirmedAt, 1);
	expect(extended.lastDay).toBe(formatInZone(Date.parse(`${initial.lastDay}T12:00:00Z`) + 90 * DAY, 'UTC').slice(0, 10));
	await expectExpiry(a, extended, GUATEMALA);
	await expectExpiry(b, extended, LAGOS);
	await expect(mine.getByTestId('pres-extensions')).toHaveText(en('pres_extensions_count', { used: 1, max: 1 }));
	await expect(a.getByRole('button', { name: en('pres_extend_submit', { n: 2 }) })).toHaveCount(0);

	// ── The follow-up MLA request links to its case; the officer follows the link ──
	await a.getByLabel(en('pres_follow_room')).selectOption({ label: mlaTitle });
	await a.getByRole('button', { name: en('pres_follow_submit') }).click();
	for (const page of [a, b]) {
		await expect(page.getByTestId('pres-follow-up-link')).toHaveText(mlaTitle, { timeout: 60_000 });
		await expect(page.getByTestId('preservation').getByTestId('pres-status')).toHaveText(en('pres_status_follow_up_sent'));
		// The case record carries the link too (a case `link` event, for the registers and stock clients).
		const link = page.getByTestId('case-link');
		await expect(link).toHaveAttribute('data-end', 'earlier');
		await expect(link.getByRole('link', { name: mlaTitle })).toBeVisible();
	}
	await b.getByTestId('pres-follow-up-link').click();
	await expect(b.getByTestId('case-title')).toHaveText(mlaTitle);
	await expect(b.getByTestId('pres-follows-up').getByRole('link', { name: title })).toBeVisible();
	await expect(b.getByTestId('case-link')).toHaveAttribute('data-end', 'later');
	await expect(b.getByTestId('case-link').getByRole('link', { name: title })).toBeVisible();

	// ── The dashboard lists it; the .ics has a VEVENT at the expiry instant ──
	await a.goto('/en/cases');
	const entry = a.getByTestId('preservation-entry').filter({ hasText: title });
	await expect(entry).toBeVisible({ timeout: 60_000 });
	await expect(entry.getByTestId('pres-expiry-legal')).toHaveAttribute('datetime', extended.expires);
	await expect(a.getByText(en('pres_ics_hint'))).toBeVisible();
	const [download] = await Promise.all([a.waitForEvent('download'), a.getByRole('button', { name: en('pres_ics_download') }).click()]);
	const path = await download.path();
	const ics = await readFile(path, 'utf8');
	const utc = new Date(Math.floor(extended.expiresAt / 1000) * 1000).toISOString().replace(/[-:]/g, '').replace('.000', '');
	expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
	expect(ics).toContain('BEGIN:VEVENT\r\n');
	expect(ics).toContain(`\r\nDTSTART:${utc}\r\n`);
	expect(ics).not.toContain('Example Mail');
	expect(ics).not.toContain('suspect@example.com');

	expectClean(first.seen, 'requesting browser');
	expectClean(second.seen, 'requested browser');
	for (const account of [prosecutor, officer]) await logOutRegistration(account);
	await first.context.close();
	await second.context.close();
});
