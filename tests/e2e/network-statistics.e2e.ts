// The secretariat's dashboard (issue 13, acceptance 5),
// across the federation: Guatemala's Public Ministry (gt-mp) and El
// Salvador's Attorney General's Office (sv-fgr) consent to report to REFCO's
// secretariat (their demo site files: bridge.report_to_secretariat). A
// prosecutor of gt-mp first opens a request to sv-fgr whose title and
// reference are markers. REFCO's secretariat (its staff account on gt-mp)
// signs in, goes from the network page to its statistics, and its browser
// accepts the reports rooms' invitations; each bridge, which sends nothing
// before a reader joined (bridge/reports/reporter.ts), then sends its head and
// statistics. The page shows two authorities reported, each with its row, and
// Guatemala's count includes the marked request; the CSV and JSON exports and
// the witnessed heads download and hold both authorities (the heads:
// Guatemala's only, as `verify --witness` reads them). Then the marker scan:
// neither the marked title nor the reference is anywhere in the secretariat
// browser's IndexedDB databases or localStorage, nor (with a person's name the
// prosecutor wrote in the case's discussion) anywhere on the disk of the
// homeserver the secretariat's side received everything through: gt-mp's,
// which hosts REFCO's service account and staff (database with its -wal,
// media store, logs). The page is audited (axe, no sideways scroll) at 360 and
// 1280 px in English and Spanish, with screenshots kept. A member who is not
// staff is told the page is not for them, and shown no figure.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parseWitnessFile } from '../../policies/reports/index.ts';
import { countFiles, scanForMarkers } from '../support/marker-scan.ts';
import { freshAccount, homeserverOf, logOutRegistration, rosterAccount } from './support/accounts.ts';
import { openRequest, signedIn } from './support/case-pages.ts';
import { databaseContains, databaseNames } from './support/indexeddb-probe.ts';
import { message } from './support/messages.ts';
import { openNetwork } from './support/network-pages.ts';
import { rosterPersonSignedIn } from './support/roster-person.ts';
import { auditAtEverySize, VIEWPORTS } from './support/screen-audit.ts';
import { en, expectClean, newBrowser } from './support/session-pages.ts';

test.setTimeout(900_000);

const SECRETARIAT = { authority: 'gt-mp', localpart: 'refco.secretariat' };
const SHOTS = '/work/notes/shots';

/** REFCO's page through the navigation, its rooms joined from the invitation if need be; then its statistics. */
async function openStatistics(page: Page): Promise<void> {
	await openNetwork(page);
	await page.getByTestId('network-statistics-link').click({ timeout: 120_000 });
	await expect(page.getByTestId('statistics-heading')).toHaveText(en('stat_heading', { network: 'REFCO' }));
}

async function downloaded(page: Page, testid: string, authority?: string): Promise<{ name: string; text: string }> {
	const button =
		authority === undefined ? page.getByTestId(testid) : page.locator(`[data-testid="${testid}"][data-authority="${authority}"]`);
	const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
	return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

test('the secretariat sees the statistics two bridges published, exports them, and its browser keeps no case content', async ({
	browser,
}, testInfo) => {
	const stamp = Date.now();
	const title = `Operación Quetzal marcador ${stamp}`;
	const reference = `MP-GT-MARK-${stamp}`;
	const name = `Aurelio Marcadorez ${stamp}`;

	// A marked request from Guatemala to El Salvador, in both bridges' registers before any report goes.
	const prosecutor = await freshAccount(homeserverOf('gt-mp'), 'e2e-stats-a');
	const officer = await freshAccount(homeserverOf('sv-fgr'), 'e2e-stats-b');
	const p = await newBrowser(browser, prosecutor);
	await signedIn(p.page, prosecutor);
	await openRequest(p.page, { title, requested: 'sv-fgr', reference, offence: 'Corruption', invite: [officer.userId] });
	await expect(p.page.getByTestId('case-status')).toHaveAttribute('data-status', 'sent');
	await p.page.getByLabel(en('case_message_label')).fill(`The account holder is ${name}.`);
	await p.page.getByRole('button', { name: en('case_message_send') }).click();
	await expect(p.page.getByTestId('timeline-item').filter({ hasText: name })).toBeVisible();

	// A member who is not staff: the page is not for them.
	const memberAccount = await rosterAccount('sv-fgr', 'marta.alvarado');
	const member = await newBrowser(browser, memberAccount);
	await rosterPersonSignedIn(member.page, memberAccount);
	await member.page.goto('/en/networks/refco/statistics');
	await expect(member.page.getByTestId('statistics-not-staff')).toBeVisible({ timeout: 120_000 });
	await expect(member.page.getByTestId('statistics-authorities')).toHaveCount(0);

	// The secretariat's staff.
	const secretariat = await rosterAccount(SECRETARIAT.authority, SECRETARIAT.localpart);
	const s = await newBrowser(browser, secretariat);
	const S = s.page;
	await rosterPersonSignedIn(S, secretariat);
	await openStatistics(S);

	// Both bridges report once the staff's browser has joined their rooms (it sends nothing before).
	await expect(S.getByTestId('statistics-reported')).toHaveText(en('stat_reported', { count: 2 }), { timeout: 300_000 });
	const row = (authority: string) => S.locator(`[data-testid="statistics-authority"][data-authority="${authority}"]`);
	for (const authority of ['gt-mp', 'sv-fgr']) await expect(row(authority)).toBeVisible();
	// Guatemala's count holds the marked request (its first statistics went after it was opened).
	expect(Number(await row('gt-mp').getByTestId('authority-sent').textContent())).toBeGreaterThanOrEqual(1);
	// NOTE: not El Salvador's received count: its bridge may send its statistics (the moment the staff join) before it
	// has recorded the request it was invited to, and then counts it only in the next period's report (a day later).
	await expect(S.getByTestId('statistics-sent-by-country').locator('tr[data-key="SV"]')).toBeVisible();
	await expect(S.getByTestId('statistics-sent-by-kind').locator('tr[data-key="mla"]')).toBeVisible();

	// The exports.
	const json = await downloaded(S, 'export-json');
	expect(json.name).toBe('refco-statistics.json');
	const picture = JSON.parse(json.text) as { network: string; authorities: { authority: string }[]; sent: { total: number } };
	expect(picture.network).toBe('REFCO');
	expect(picture.authorities.map((a) => a.authority)).toEqual(['gt-mp', 'sv-fgr']);
	expect(picture.sent.total).toBeGreaterThanOrEqual(1);
	const csv = await downloaded(S, 'export-csv');
	expect(csv.name).toBe('refco-statistics.csv');
	expect(csv.text.startsWith('"side","measure","key","value"\r\n')).toBe(true);
	expect(csv.text).toContain('"sent","by-counterpart-country","SV",');
	const who = await downloaded(S, 'export-authorities');
	expect(who.text).toContain('"REFCO","gt-mp",');
	expect(who.text).toContain('"REFCO","sv-fgr",');
	const heads = await downloaded(S, 'save-heads', 'gt-mp');
	expect(heads.name).toBe('refco-witnessed-heads-gt-mp.json');
	const parsed = parseWitnessFile(heads.text);
	expect(parsed.ok, parsed.ok ? '' : parsed.error.reason).toBe(true);
	if (parsed.ok) {
		expect(parsed.value.length).toBeGreaterThanOrEqual(1);
		expect(new Set(parsed.value.map((h) => h.authority))).toEqual(new Set(['gt-mp']));
	}
	for (const file of [json, csv, who, heads]) for (const marker of [title, reference, name]) expect(file.text).not.toContain(marker);

	// The marker scan of the secretariat's browser, after it showed the statistics: no title or reference anywhere it stored.
	const names = await databaseNames(S);
	expect(names.length).toBeGreaterThan(0);
	for (const db of names)
		for (const marker of [title, reference, name]) expect(await databaseContains(S, db, marker), `${marker} in ${db}`).toBe(false);
	const local = await S.evaluate(() => JSON.stringify(Object.entries(localStorage)));
	for (const marker of [title, reference, name]) expect(local).not.toContain(marker);
	await expect(S.getByText(title)).toHaveCount(0);

	// The marker scan of the secretariat's homeserver disk, after every report it received: nothing of the case in the clear.
	const roots = [homeserverOf(SECRETARIAT.authority).dataDir];
	expect(countFiles(roots)).toBeGreaterThan(3);
	expect(scanForMarkers(roots, [title, reference, name])).toEqual([]);

	// The page at a phone's and a laptop's width, in English and Spanish.
	const problems = await auditAtEverySize(S, testInfo, 'network-statistics', 'en');
	await S.goto('/es/networks/refco/statistics');
	await expect(S.getByTestId('statistics-reported')).toHaveText(message('es', 'stat_reported', { count: 2 }), { timeout: 300_000 });
	problems.push(...(await auditAtEverySize(S, testInfo, 'network-statistics', 'es')));
	mkdirSync(SHOTS, { recursive: true });
	for (const locale of ['en', 'es'])
		for (const { width } of VIEWPORTS) {
			const name = `network-statistics-${locale}-${width}.png`;
			copyFileSync(testInfo.outputPath(name), join(SHOTS, name));
		}
	expect(problems).toEqual([]);

	expectClean(s.seen, 'secretariat');
	expectClean(member.seen, 'member of sv-fgr');
	await Promise.all([s.context.close(), member.context.close(), p.context.close()]);
	await Promise.all([secretariat, memberAccount, prosecutor, officer].map((account) => logOutRegistration(account)));
});
