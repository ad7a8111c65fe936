// Roster versions on the network page (issue 13): a member of El Salvador's
// Attorney General's Office (sv-fgr) opens REFCO's page; the section lists
// gt-mp and sv-fgr, each with the version its bridge states in the directory
// room (the demo roster every bridge and the web server loaded), and no
// mismatch. The section is audited (axe, no sideways scroll) at 360 and 1280
// px in the five languages, and the screenshots are kept.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_ROSTER } from '../../deploy/roster/demo-deployment.ts';
import { loadRoster } from '../../deploy/roster/load.ts';
import { homeserverOf, logOutRegistration, rosterAccount } from './support/accounts.ts';
import { LOCALES, message } from './support/messages.ts';
import { leaveDirectoryRoom, rosterPersonSignedIn } from './support/roster-person.ts';
import { auditAtEverySize, VIEWPORTS } from './support/screen-audit.ts';
import { expectClean, newBrowser } from './support/session-pages.ts';

test.setTimeout(600_000);

const SHOTS = '/work/notes/shots/roster-versions';

function demoRosterEdition(): { version: number; sha256: string } {
	const loaded = loadRoster(DEFAULT_ROSTER);
	if (!loaded.ok) throw new Error(`the demo roster does not load: ${JSON.stringify(loaded.error)}`);
	return { version: loaded.value.version, sha256: loaded.value.sha256 };
}

async function expectSame(page: Page, locale: (typeof LOCALES)[number], version: number): Promise<void> {
	const section = page.getByTestId('roster-versions');
	for (const authority of ['gt-mp', 'sv-fgr']) {
		const row = section.locator(`tr[data-authority="${authority}"]`);
		// The bridges' editors events reach this new device when it joins the directory room and asks for them (docs/directory.md, "Late joiners").
		await expect(row).toHaveAttribute('data-match', 'same', { timeout: 300_000 });
		await expect(row.getByTestId('roster-version')).toContainText(message(locale, 'rv_version', { version }));
		await expect(row.getByTestId('roster-compared')).toContainText(message(locale, 'rv_same'));
	}
	await expect(section.getByTestId('roster-versions-mismatch')).toHaveCount(0);
	await expect(section.getByRole('table', { name: message(locale, 'rv_caption', { network: 'REFCO' }) })).toBeVisible();
}

test('the network page lists each authority’s roster version and no mismatch when all run the demo roster', async ({
	browser,
}, testInfo) => {
	const { version } = demoRosterEdition();
	const account = await rosterAccount('sv-fgr', 'marta.alvarado');
	// Out of the directory room first, if an earlier test left her in it: her new device reads the bridges' editors
	// events from their re-send when she joins again (a new device of someone already in waits out the bridges' floor).
	await leaveDirectoryRoom(account, 'refco', homeserverOf('sv-fgr').serverName);
	const b = await newBrowser(browser, account);
	await rosterPersonSignedIn(b.page, account);

	const problems: string[] = [];
	for (const locale of LOCALES) {
		await b.page.setViewportSize(VIEWPORTS[0]);
		await b.page.goto(`/${locale}/networks/refco`);
		await expect(b.page.getByTestId('network-heading')).toHaveText('REFCO');
		await expectSame(b.page, locale, version);
		await b.page.getByTestId('roster-versions').scrollIntoViewIfNeeded();
		problems.push(...(await auditAtEverySize(b.page, testInfo, 'roster-versions', locale)));
	}
	mkdirSync(SHOTS, { recursive: true });
	for (const locale of LOCALES)
		for (const { width } of VIEWPORTS) {
			const name = `roster-versions-${locale}-${width}.png`;
			copyFileSync(testInfo.outputPath(name), join(SHOTS, name));
		}
	expect(problems).toEqual([]);

	expectClean(b.seen, 'member of sv-fgr');
	await b.context.close();
	await logOutRegistration(account);
});
