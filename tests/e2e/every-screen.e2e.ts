// Every screen in all five languages at 360×740 and 1280×800 (issue 11,
// acceptance 2): no sideways scrolling, no axe violation of WCAG 2.2 A/AA, a
// screenshot of each kept in the test's output (support/screen-audit.ts).
// Each test collects every screen's problems and fails once, listing them
// all. The data is made once, in English; the language is switched by URL
// in the same session. (One test for all signed-in screens: a failed test
// restarts Playwright's worker, so a later test could not count on what an
// earlier one made.)
// - first, the audit itself, on a page made to fail it;
// - signed out: the front page and sign-in;
// - a prosecutor of Nigeria's central authority, on a new device: key setup;
//   then, with a request to Guatemala that has a status history, a message
//   and a preservation request: home, keys, the dashboard, new request (and
//   its validation error), the case page, the directory, its finder (and its
//   validation error), the plenary exchange and the editors' page's refusal, sign-out, the
//   register's and the web sessions' refusals; a second device of hers: the recovery screen;
// - Guatemala's authority administrator (who may read its register and see
//   its people's web sessions): the register with that request, its
//   statistics and refusals, the web sessions, and the directory's editors' page
//   (she is one of Guatemala's editors).
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { freshAccount, homeserverOf, logOutRegistration, rosterAccount, setDisplayName } from './support/accounts.ts';
import { caseEntry, openRequest, requestPreservation, sendMessage } from './support/case-pages.ts';
import { webUrl } from './support/env.ts';
import { LOCALES, message, type Locale } from './support/messages.ts';
import { auditInEveryLocale, auditScreen, VIEWPORTS, type Screen } from './support/screen-audit.ts';
import { rosterPersonSignedIn } from './support/roster-person.ts';
import { en, expectClean, newBrowser, setUpRecoveryKey, signInReady, signInToKeys } from './support/session-pages.ts';

const GUATEMALA = 'Ministerio Público de Guatemala';

const heading =
	(key: string, values: Record<string, string> = {}) =>
	(page: Page, locale: Locale) =>
		expect(page.getByRole('heading', { level: 1, name: message(locale, key, values) })).toBeVisible();

/** A check that throws, as a problem for the list. */
function problemsOf(check: () => void): string[] {
	try {
		check();
		return [];
	} catch (error) {
		return [error instanceof Error ? error.message : String(error)];
	}
}

function report(problems: readonly string[]): void {
	expect(problems, `${problems.length} problem(s) on the screens:\n${problems.join('\n')}\n`).toEqual([]);
}

test('the audit names what makes a page scroll sideways, leaves alone what scrolls in its own region, and reports axe’s findings', async ({
	browser,
}, testInfo) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.setContent(
		'<!doctype html><html lang="en"><head><title>Audit</title></head><body><main><h1>Audit</h1>' +
			'<p><span id="wide" style="display:inline-block;width:900px">wide</span></p>' +
			'<div style="overflow-x:auto"><span id="inside" style="display:inline-block;width:2000px">inside</span></div>' +
			'<img src="data:,"></main></body></html>',
	);
	const problems = await auditScreen(page, testInfo, 'audit-check', 'en', VIEWPORTS[0]);
	const overflow = problems.find((p) => p.includes('scrollWidth'));
	expect(overflow).toMatch(
		/^audit-check \[en, 360×740\]: scrollWidth 9\d\d > innerWidth 360; widest: main > p > span#wide \(left \d+, width 900 px\)$/,
	);
	expect(problems.join('\n')).not.toContain('#inside');
	expect(problems.some((p) => p.includes('axe image-alt'))).toBe(true);
	await context.close();
});

test('the signed-out screens', async ({ browser }, testInfo) => {
	test.setTimeout(300_000);
	const context = await browser.newContext({ baseURL: webUrl(), locale: 'en-GB' });
	const page = await context.newPage();
	const screens: Screen[] = [
		{
			name: 'front',
			path: '',
			ready: async (p) => {
				await expect(p.getByRole('heading', { level: 1, name: 'Rogatory' })).toBeVisible();
				await expect(p.getByTestId('status-summary')).toBeVisible();
			},
		},
		{ name: 'sign-in', path: '/sign-in', ready: (p, locale) => signInReady(p, locale) },
	];
	const problems: string[] = [];
	for (const screen of screens) problems.push(...(await auditInEveryLocale(page, testInfo, screen)));
	await context.close();
	report(problems);
});

test('the signed-in screens: a prosecutor’s, with a request that has a history, a discussion and a preservation request, and an authority administrator’s', async ({
	browser,
}, testInfo) => {
	test.setTimeout(1_200_000);
	const prosecutor = await freshAccount(homeserverOf('ng-ca'), 'e2e-screens');
	const officer = await freshAccount(homeserverOf('gt-mp'), 'e2e-screens-officer');
	await setDisplayName(prosecutor, 'Adaeze Okonkwo-Abubakar');
	const first = await newBrowser(browser, prosecutor);
	const page = first.page;
	const problems: string[] = [];

	await signInToKeys(page, prosecutor);
	problems.push(...(await auditInEveryLocale(page, testInfo, { name: 'key-setup', path: '/keys', ready: heading('keys_setup_heading') })));
	await page.goto('/en/keys');
	await setUpRecoveryKey(page);

	const title = `Transferencias bancarias internacionales sospechosas ${Date.now().toString(36)}`;
	const roomId = await openRequest(page, {
		title,
		requested: 'gt-mp',
		reference: 'FMJ/CAU/MLA/2026/000123-INTERNATIONAL-COOPERATION',
		offence: 'Corruption',
		invite: [officer.userId],
	});
	await sendMessage(page, 'Please confirm receipt; the bank statements follow under separate cover.');
	await requestPreservation(page, {
		custodian: 'Banco Industrial, S.A. — Departamento de Cumplimiento',
		identifier: 'GT82-BIND-0000-1234-5678',
		rule: 'us-2703f',
	});

	const screens: Screen[] = [
		{
			name: 'case',
			path: `/cases/${encodeURIComponent(roomId)}`,
			ready: async (p) => {
				await expect(p.getByTestId('case-title')).toHaveText(title, { timeout: 60_000 });
				await expect(p.getByTestId('status-history')).toBeVisible();
				await expect(p.getByTestId('timeline-item').filter({ hasText: 'Please confirm receipt' })).toBeVisible({ timeout: 60_000 });
				await expect(p.getByTestId('preservation').getByRole('heading', { name: /Banco Industrial/ })).toBeVisible({ timeout: 60_000 });
			},
		},
		{
			name: 'home',
			path: '/home',
			ready: async (p, locale) => {
				await heading('home_heading')(p, locale);
				await expect(p.getByTestId('device-trust')).toHaveAttribute('data-trust', 'verified');
			},
		},
		{ name: 'keys', path: '/keys', ready: heading('keys_verified_heading') },
		{
			name: 'cases',
			path: '/cases',
			ready: async (p, locale) => {
				await heading('cases_heading')(p, locale);
				await caseEntry(p, title);
			},
		},
		{ name: 'new-request', path: '/cases/new', ready: heading('newcase_heading') },
		{
			name: 'new-request-error',
			path: '/cases/new',
			ready: async (p, locale) => {
				await heading('newcase_heading')(p, locale);
				await p.getByRole('button', { name: message(locale, 'newcase_submit') }).click();
				await expect(p.getByRole('alert')).toBeVisible();
			},
		},
		{
			name: 'directory',
			path: '/directory',
			ready: async (p, locale) => {
				await heading('directory_heading')(p, locale);
				await expect(p.getByTestId('directory-empty').or(p.getByTestId('directory-count'))).toBeVisible({ timeout: 60_000 });
			},
		},
		{
			name: 'directory-find-error',
			path: '/directory/find',
			ready: async (p, locale) => {
				await heading('directory_find_heading')(p, locale);
				await p.getByRole('button', { name: message(locale, 'directory_find_submit') }).click();
				await expect(p.getByRole('alert')).toBeVisible();
			},
		},
		{
			name: 'directory-exchange',
			path: '/directory/exchange',
			ready: async (p, locale) => {
				await heading('exchange_heading')(p, locale);
				// An empty list shows both its progress ("0 of 0") and that it is empty.
				await expect(p.getByTestId('exchange-empty').or(p.getByTestId('exchange-progress')).first()).toBeVisible({ timeout: 60_000 });
			},
		},
		{
			name: 'directory-edit-refusal',
			path: '/directory/edit',
			ready: async (p, locale) => {
				await heading('directory_edit_heading')(p, locale);
				await expect(p.getByTestId('directory-edit-refused')).toBeVisible({ timeout: 60_000 });
			},
		},
		{ name: 'sign-out', path: '/sign-out', ready: heading('signout_heading') },
		// Pages she may not see: the refusals say who may (HTTP 403s, which the browser logs; expected).
		{ name: 'register-refusal', path: '/register', ready: heading('register_refused_heading') },
		{ name: 'sessions-refusal', path: '/admin/sessions', ready: heading('sessions_admin_refused_heading') },
	];
	for (const locale of LOCALES)
		for (const path of ['/register', '/admin/sessions']) first.seen.expectHttpErrorFrom(`${webUrl()}/${locale}${path}`);
	for (const screen of screens) problems.push(...(await auditInEveryLocale(page, testInfo, screen)));

	// A second device of hers: the recovery screen.
	const second = await newBrowser(browser, prosecutor);
	await signInToKeys(second.page, prosecutor);
	problems.push(
		...(await auditInEveryLocale(second.page, testInfo, { name: 'recovery', path: '/keys', ready: heading('recover_heading') })),
	);

	problems.push(...(await administratorScreens(browser, testInfo, title)));

	problems.push(...problemsOf(() => expectClean(first.seen, 'prosecutor')));
	problems.push(...problemsOf(() => expectClean(second.seen, 'prosecutor’s second device')));
	await first.context.close();
	await second.context.close();
	await logOutRegistration(prosecutor);
	await logOutRegistration(officer);
	report(problems);
});

/** Guatemala's authority administrator: the register (once its bridge has written the request), statistics, refusals, web sessions. */
async function administratorScreens(browser: Browser, testInfo: TestInfo, title: string): Promise<string[]> {
	const administrator = await rosterAccount('gt-mp', 'sofia.herrera');
	const { context, page, seen } = await newBrowser(browser, administrator);
	// Her device recovers her identity with the kept key: only a signed device asks her bridge for the directory room's
	// entries and editors again (it holds no keys to what was sent before it existed).
	await rosterPersonSignedIn(page, administrator);
	const entry = page.getByTestId('register-entry').filter({ hasText: title });
	const problems: string[] = [];
	const written = await expect
		.poll(
			async () => {
				await page.goto('/en/register');
				await expect(page.getByRole('heading', { level: 1, name: en('register_heading', { authority: GUATEMALA }) })).toBeVisible();
				return entry.count();
			},
			{ timeout: 90_000, intervals: [2_000] },
		)
		.toBe(1)
		.then(
			() => true,
			() => false,
		);
	// NOTE: this test is about screens. Whether the bridge wrote this request is the register's tests' business
	// (register.e2e.ts, the bridge's integration tests); a bridge that joined late may miss it (the room's history
	// before its join comes back empty from /messages — a known gap, noted for issue 14). Then the register is
	// audited with what it holds, and the miss is said in the report, not hidden.
	if (!written)
		testInfo.annotations.push({
			type: 'register',
			description: 'Guatemala’s bridge did not write the request; the register audited without it',
		});

	const screens: Screen[] = [
		{
			name: 'register',
			path: '/register',
			ready: async (p, locale) => {
				await heading('register_heading', { authority: GUATEMALA })(p, locale);
				if (written) await expect(entry).toBeVisible();
			},
		},
		{ name: 'statistics', path: '/register/statistics', ready: heading('statistics_heading', { authority: GUATEMALA }) },
		{ name: 'refused', path: '/register/refused', ready: heading('refused_heading', { authority: GUATEMALA }) },
		{ name: 'sessions', path: '/admin/sessions', ready: heading('sessions_admin_heading', { authority: GUATEMALA }) },
	];
	// She is an editor of Guatemala's directory entries: Guatemala's bridge names its editors in REFCO's directory room,
	// and sends them again to her signed device when it asks.
	await page.goto('/en/directory/edit');
	problems.push(
		...(await expect(page.getByTestId('authority-form'))
			.toBeVisible({ timeout: 120_000 })
			.then(
				() => [],
				() => ['directory-edit [en]: the editors’ page did not open for Guatemala’s administrator within 120 s'],
			)),
	);
	screens.push({
		name: 'directory-edit',
		path: '/directory/edit',
		ready: async (p, locale) => {
			await heading('directory_edit_heading')(p, locale);
			await expect(p.getByTestId('authority-form')).toBeVisible({ timeout: 60_000 });
		},
	});
	for (const screen of screens) problems.push(...(await auditInEveryLocale(page, testInfo, screen)));
	problems.push(...problemsOf(() => expectClean(seen, 'administrator')));
	await context.close();
	await logOutRegistration(administrator);
	return problems;
}
