// Issue 9, "Text that lies about its direction": a request whose title and
// amendment carry bidirectional controls — an override (U+202E) after a stray
// isolate terminator (U+2069) that would close a plain <bdi>, an isolate left
// open, a paragraph separator — is shown isolated and marked wherever the web
// app shows it: the case page (title, amendment history with its reason, the
// document title), the dashboard, and the other authority's register, whose
// exports keep the text verbatim and flag it. "Isolated" is measured, not
// assumed: the words the page writes after the text (the mark) must still
// read left to right in Chromium, and the same measure reports them reversed
// when the text is put in a plain <span> or an unprepared <bdi>.
// With ROGATORY_SCREENS=<folder>, the pages are also saved as screenshots in
// the five languages at 360 and 1280 px wide.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { isolatable } from '../../policies/text/bidi.ts';
import { freshAccount, homeserverOf, logOutRegistration, rosterAccount } from '../e2e/support/accounts.ts';
import { signedIn } from '../e2e/support/case-pages.ts';
import { LOCALES } from '../e2e/support/messages.ts';
import { en, expectClean, newBrowser, signIn } from '../e2e/support/session-pages.ts';

test.setTimeout(300_000);

/**
 * Whether the letters of the element's visible text read left to right, line
 * by line, as laid out: what an override escaping an isolate before it
 * would reverse.
 */
function readsLeftToRight(element: Locator): Promise<boolean> {
	return element.evaluate((node) => {
		const lines = new Map<number, number[]>();
		const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
		for (let text = walker.nextNode(); text !== null; text = walker.nextNode()) {
			if (text.parentElement?.closest('.visually-hidden, [aria-hidden="true"]')) continue;
			const content = text.textContent ?? '';
			const range = document.createRange();
			for (let i = 0; i < content.length; i++) {
				if (!/\p{L}/u.test(content[i] ?? '')) continue;
				range.setStart(text, i);
				range.setEnd(text, i + 1);
				const box = range.getBoundingClientRect();
				if (box.width === 0) continue;
				const line = Math.round(box.top);
				lines.set(line, [...(lines.get(line) ?? []), box.left]);
			}
		}
		const rows = [...lines.values()];
		return rows.length > 0 && rows.every((xs) => xs.every((x, i) => i === 0 || x > (xs[i - 1] ?? x)));
	});
}

/** The text is in its own isolate, as prepared by policies/text/bidi.ts, and followed by a mark that still reads left to right. */
async function expectIsolatedAndMarked(container: Locator, text: string): Promise<void> {
	const isolate = container.locator('bdi.party-text').first();
	await expect(isolate).toHaveText(isolatable(text), { useInnerText: false });
	expect(await isolate.evaluate((node) => getComputedStyle(node).unicodeBidi)).toBe('isolate');
	const mark = container.getByTestId('bidi-mark').first();
	await expect(mark).toBeVisible();
	await expect(mark).toContainText(en('party_text_bidi_mark'));
	await expect(mark).toContainText(en('party_text_bidi_explained'));
	expect(await readsLeftToRight(mark), `the mark after ${JSON.stringify(text)} reads left to right`).toBe(true);
}

/** The measure can fail: the same title in a plain <span> or an unprepared <bdi> reverses the words after it. */
async function expectMeasureCatchesEscape(page: Page, text: string): Promise<void> {
	for (const tag of ['span', 'bdi']) {
		await page.evaluate(
			([tagName, content]) => {
				const paragraph = document.createElement('p');
				paragraph.id = 'bidi-control';
				const inner = document.createElement(tagName ?? 'span');
				inner.textContent = content ?? '';
				const words = document.createElement('b');
				words.textContent = 'hidden direction controls';
				paragraph.append('Title: ', inner, ' ', words);
				document.body.append(paragraph);
			},
			[tag, text],
		);
		expect(await readsLeftToRight(page.locator('#bidi-control b')), `an unprepared <${tag}>`).toBe(false);
		await page.evaluate(() => document.getElementById('bidi-control')?.remove());
	}
}

test('text that lies about its direction is isolated and marked on the case page, the dashboard and the register, and flagged in its exports', async ({
	browser,
}) => {
	const prosecutor = await freshAccount(homeserverOf('gt-mp'), 'e2e-bidi-a');
	const officer = await rosterAccount('ng-ca', 'amina.bello');
	const first = await newBrowser(browser, prosecutor);
	const a = first.page;
	await signedIn(a, prosecutor);

	const tag = Date.now().toString(36);
	const opened = `Invoice ${tag} x\u2069\u202Egpj.exe`;
	const amended = `Invoice ${tag} y\u2067\u202Efdp.exe`;
	const reason = `Corrected\u2029\u202E name`;

	// ── Opened with the hostile title: the case page isolates and marks it, the document title too ──
	await a.goto('/en/cases/new');
	await a.getByLabel(en('newcase_kind')).selectOption('mla');
	await a.getByLabel(en('newcase_requested')).selectOption('ng-ca');
	await a.getByLabel(en('newcase_title'), { exact: true }).fill(opened);
	await a.getByLabel(en('newcase_reference')).fill(`MP-BIDI-${tag}`);
	await a.getByLabel('Corruption', { exact: true }).check();
	await a.getByLabel(en('newcase_serious', { offence: 'Corruption' })).check();
	await a.getByLabel(en('newcase_invite'), { exact: true }).fill(officer.userId);
	await a.getByRole('button', { name: en('newcase_submit') }).click();
	await expect(a).toHaveURL(/\/en\/cases\/(?!new$)[^/]+$/);
	const room = new URL(a.url()).pathname.split('/').pop() ?? '';
	await expectIsolatedAndMarked(a.getByTestId('case-title'), opened);
	await expect(a).toHaveTitle(new RegExp(`\\(⚠ ${en('party_text_bidi_mark')}\\) · Rogatory$`));
	await expectMeasureCatchesEscape(a, opened);

	// ── Amended to another hostile title, with a hostile reason: the history shows all three isolated and marked ──
	await a.getByRole('button', { name: en('case_amend_heading') }).click();
	await a.getByLabel(en('case_amend_field')).selectOption('title');
	await a.getByLabel('Title', { exact: true }).fill(amended);
	await a.locator('#amend-reason').fill(reason);
	await a.getByRole('button', { name: en('case_amend_submit') }).click();
	await expectIsolatedAndMarked(a.getByTestId('case-title'), amended);
	const history = a.getByTestId('amendments');
	await expect(history.getByTestId('bidi-mark')).toHaveCount(3);
	for (const mark of await history.getByTestId('bidi-mark').all()) expect(await readsLeftToRight(mark)).toBe(true);
	await expect(history.locator('bdi.party-text').filter({ hasText: 'Corrected' })).toHaveText(isolatable(reason), { useInnerText: false });

	// ── The dashboard ──
	await a.goto('/en/cases');
	const entry = a.getByTestId('case-entry').filter({ hasText: tag });
	await expectIsolatedAndMarked(entry.getByRole('link'), amended);

	// ── The requested authority's register, written by its bridge: the current title, isolated and marked ──
	const second = await newBrowser(browser, officer);
	const b = second.page;
	await b.goto('/en/sign-in');
	await signIn(b, officer);
	await expect(b).toHaveURL(/\/en\/keys$/);
	const row = b.getByTestId('register-entry').filter({ hasText: tag });
	await expect
		.poll(
			async () => {
				await b.goto('/en/register');
				await expect(b.getByTestId('register-table').or(b.getByTestId('register-missing'))).toBeVisible();
				return (await row.count()) === 1 && (await row.locator('bdi.party-text').first().textContent()) === isolatable(amended);
			},
			{ timeout: 90_000, intervals: [2_000] },
		)
		.toBe(true);
	await expectIsolatedAndMarked(row.locator('th'), amended);
	await expect(b.getByTestId('register-export-note')).toHaveText(en('register_export_note'));

	// ── Its exports keep the text as it came, and flag it ──
	const json = (await (await b.request.get('/en/register/cases.json')).json()) as { cases: { title: string; bidi_controls: string[] }[] };
	expect(json.cases.find((c) => c.title === amended)?.bidi_controls).toEqual(['title']);
	const csv = await (await b.request.get('/en/register/cases.csv')).text();
	expect(csv).toContain(`"[CONTROLS] Invoice ${tag} y<U+2067><U+202E>fdp.exe"`);

	// ── Nothing scrolls sideways at 360 px; with ROGATORY_SCREENS, the screenshots ──
	const screens = process.env['ROGATORY_SCREENS'];
	const pages = [
		{ name: 'case', page: a, path: `/cases/${room}` },
		{ name: 'dashboard', page: a, path: '/cases' },
		{ name: 'register', page: b, path: '/register' },
	];
	for (const locale of screens === undefined ? LOCALES.slice(0, 1) : LOCALES)
		for (const { name, page, path } of pages) {
			await page.goto(`/${locale}${path}`);
			await expect(page.getByTestId('bidi-mark').first()).toBeVisible({ timeout: 60_000 });
			for (const width of [360, 1280]) {
				await page.setViewportSize({ width, height: 900 });
				const scrolled = await page.evaluate(() => document.documentElement.scrollWidth);
				if (width === 360) expect(scrolled, `${name} at 360 px (${locale})`).toBeLessThanOrEqual(360);
				if (screens !== undefined) {
					mkdirSync(screens, { recursive: true });
					await page.screenshot({ path: join(screens, `${name}-${locale}-${width}.png`), fullPage: true });
				}
			}
		}
	// NOTE: a signed-in browser's page loads keep uploading one-time keys (reported to the lead; not this test's subject):
	// the many loads of the screenshots reach Synapse's cap of 500 keys, which the browser logs. Only then is that expected.
	if (screens !== undefined)
		first.seen.consoleErrors.splice(0, Infinity, ...first.seen.consoleErrors.filter((e) => !/keys\/upload|one-time keys/.test(e)));

	expectClean(first.seen, 'prosecutor');
	expectClean(second.seen, 'officer');
	await first.context.close();
	await second.context.close();
	await logOutRegistration(prosecutor);
	await logOutRegistration(officer);
});
