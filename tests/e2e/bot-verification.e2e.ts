// The bridge's identity (issue 12): in a case room, Guatemala's bridge bot
// appears as "Guatemala's Rogatory bot". Guatemala's administrator (a roster
// person with the role authority-administrator) is offered "Verify our bot":
// the bot shows its code on the authority's server — here, the file in the
// bridge's secrets directory, read as the administrator would on that
// server — and the administrator pastes it; the bot then shows as verified
// in her browser. A prosecutor of the same authority is not offered it (the
// bridge would refuse him: bridge/bot/verification.integration.test.ts).
// NOTE: a later run of the same federation finds the bot verified already by
// her kept identity (roster-person.ts): it then checks the badge only.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { bridgeUserId } from '../../policies/roster/bridge.ts';
import { freshAccount, homeserverOf, rosterAccount } from './support/accounts.ts';
import { openFromDashboard, openRequest, signedIn } from './support/case-pages.ts';
import { rosterPersonSignedIn } from './support/roster-person.ts';
import { en, newBrowser } from './support/session-pages.ts';

test.setTimeout(480_000);

const AUTHORITY = 'gt-mp';
const panel = (page: Page) => page.getByTestId('user-verification');
const botTrust = (page: Page, bot: string) =>
	page.getByTestId('case-people').locator(`[data-testid="person-trust"][data-user-id="${bot}"]`);

/** The code Guatemala's bridge wrote for the administrator (what `rogatory bridge verification-code` prints on its server). */
async function codeOnTheBridgeServer(): Promise<string> {
	const federation = process.env['ROGATORY_FEDERATION'];
	if (federation === undefined || federation === '')
		throw new Error('ROGATORY_FEDERATION is not set: run the end-to-end tests through npm test.');
	const path = join(dirname(federation), 'bridges', AUTHORITY, 'secrets', 'verification-code');
	await expect.poll(() => existsSync(path), { timeout: 60_000 }).toBe(true);
	expect(statSync(path).mode & 0o777).toBe(0o600);
	return readFileSync(path, 'utf8').trim();
}

test('Guatemala’s administrator verifies the authority’s bot with the code from its server; a prosecutor is not offered it', async ({
	browser,
}) => {
	const admin = await rosterAccount(AUTHORITY, 'sofia.herrera');
	const prosecutor = await freshAccount(homeserverOf(AUTHORITY), 'e2e-bot-p');
	const bot = bridgeUserId(homeserverOf(AUTHORITY).serverName);
	const first = await newBrowser(browser, admin);
	const second = await newBrowser(browser, prosecutor);
	const a = first.page;
	const p = second.page;
	await rosterPersonSignedIn(a, admin);
	await signedIn(p, prosecutor);

	const title = `Bot verification ${Date.now().toString(36)}`;
	await openRequest(a, { title, requested: 'sv-fgr', offence: 'Corruption', invite: [prosecutor.userId] });
	const person = a.getByTestId('case-person').and(a.locator(`[data-user-id="${bot}"]`));
	await expect(person).toContainText("Guatemala's Rogatory bot", { timeout: 120_000 });
	await expect(botTrust(a, bot)).not.toHaveAttribute('data-trust', 'loading');

	if ((await botTrust(a, bot).getAttribute('data-trust')) !== 'verified') {
		await botTrust(a, bot)
			.getByRole('button', { name: en('people_verify_bot') })
			.click();
		await expect(panel(a)).toHaveAttribute('data-bot', 'true');
		await expect(panel(a)).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
		await expect(panel(a).getByTestId('bot-code-help')).toContainText('bridge verification-code');
		const code = await codeOnTheBridgeServer();
		await panel(a).getByLabel(en('uv_paste_label')).fill(code);
		await panel(a)
			.getByRole('button', { name: en('uv_paste_submit') })
			.click();
		await expect(panel(a)).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
		await panel(a)
			.getByRole('button', { name: en('verify_close') })
			.click();
	} else {
		test.info().annotations.push({ type: 'note', description: 'the bot was verified by an earlier run of this federation' });
	}
	await expect(botTrust(a, bot)).toHaveAttribute('data-trust', 'verified', { timeout: 60_000 });
	await expect(botTrust(a, bot).getByTestId('trust-badge')).toHaveText(new RegExp(en('people_verified')));

	// The prosecutor sees the same bot, by name, and no way to verify it.
	await p.goto('/en/cases');
	await openFromDashboard(p, title);
	const seen = p.getByTestId('case-person').and(p.locator(`[data-user-id="${bot}"]`));
	await expect(seen).toContainText("Guatemala's Rogatory bot", { timeout: 120_000 });
	await expect(botTrust(p, bot)).toHaveAttribute('data-trust', /unverified|unknown/);
	await expect(botTrust(p, bot).getByRole('button')).toHaveCount(0);
});
