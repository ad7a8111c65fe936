// The plenary exchange (issue 12, "a plenary exchange mode"): a prosecutor of
// Guatemala's Public Ministry (A, gt-mp) opens REFCO's people as a meeting's
// list, sees the progress, marks El Salvador's officer (B, sv-fgr) present
// (the progress then counts the people present) and chooses "Verify in
// person" on B's row: the verification panel opens under that row with the
// focus in it; B accepts (the page, panel open, audited at 360 and 1280 px);
// A cancels, and the focus is back on B's action.
// The QR and emoji flows themselves are user-verification.e2e.ts's.
import { expect, test, type Page } from '@playwright/test';
import { freshAccount, homeserverOf, logOutRegistration } from './support/accounts.ts';
import { signedIn } from './support/case-pages.ts';
import { listPeople } from './support/directory-pages.ts';
import { auditAtEverySize } from './support/screen-audit.ts';
import { en, expectClean, newBrowser } from './support/session-pages.ts';

test.setTimeout(480_000);

const FIRST = 'gt-mp';
const SECOND = 'sv-fgr';
const DIRECTORY = { network: 'refco', keeper: 'sv-fgr' };
const EDITORS = { [FIRST]: 'lucia.ramirez', [SECOND]: 'jorge.hernandez' };

const panel = (page: Page) => page.getByTestId('user-verification');

test('a plenary’s list shows the progress and opens one person’s in-person verification under their row', async ({ browser }, testInfo) => {
	const prosecutor = await freshAccount(homeserverOf(FIRST), 'e2e-px-a');
	const officer = await freshAccount(homeserverOf(SECOND), 'e2e-px-b');
	const listed = { prosecutor: `Ana Pleno ${Date.now()}`, officer: `Bruno Pleno ${Date.now()}` };
	await listPeople(browser, { authority: FIRST, localpart: EDITORS[FIRST] }, DIRECTORY, [
		{ name: listed.prosecutor, userId: prosecutor.userId },
	]);
	await listPeople(browser, { authority: SECOND, localpart: EDITORS[SECOND] }, DIRECTORY, [
		{ name: listed.officer, userId: officer.userId },
	]);
	const first = await newBrowser(browser, prosecutor);
	const second = await newBrowser(browser, officer);
	const [a, b] = [first.page, second.page];
	await Promise.all([signedIn(a, prosecutor), signedIn(b, officer)]);

	// Through the app's navigation, as a person does (see support/directory-pages.ts).
	await a.getByTestId('nav-directory').click();
	await a.getByTestId('directory-exchange-link').click();
	await expect(a.getByRole('heading', { level: 1, name: en('exchange_heading') })).toBeVisible();
	const row = a.getByTestId('exchange-row').and(a.locator(`[data-user-id="${officer.userId}"]`));
	await expect(row).toBeVisible({ timeout: 240_000 });
	// A is not in their own list.
	await expect(a.getByTestId('exchange-row').and(a.locator(`[data-user-id="${prosecutor.userId}"]`))).toHaveCount(0);
	const progress = a.getByTestId('exchange-progress');
	await expect(progress).toHaveAttribute('aria-live', 'polite');
	await expect(progress).toHaveText(/^0 of \d+ (person|people) verified$/);

	// B is in the room: the progress counts the people present.
	await row.getByRole('checkbox', { name: en('exchange_present_mark', { name: listed.officer }) }).check();
	// (A plural message: the catalogue helper reads simple ones only, so the English is written out.)
	await expect(progress).toHaveText('0 of 1 person present verified');
	await a.getByLabel(en('exchange_present_only')).check();
	await expect(a.getByTestId('exchange-row')).toHaveCount(1);

	const verify = row.getByRole('button', { name: en('exchange_verify', { name: listed.officer }) });
	await verify.click();
	const inline = a.getByTestId('exchange-list').getByTestId('user-verification');
	await expect(inline).toBeVisible();
	await expect(a.getByTestId('user-verification')).toHaveCount(1);
	await expect.poll(() => a.evaluate(() => document.activeElement?.closest('[data-testid="exchange-panel"]') !== null)).toBe(true);

	await expect(panel(b)).toHaveAttribute('data-state', 'incoming', { timeout: 60_000 });
	await panel(b)
		.getByRole('button', { name: en('verify_accept') })
		.click();
	await expect(inline).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
	await expect(inline.getByRole('heading', { name: en('uv_qr_mine') })).toBeVisible();
	// The list with a panel open, at a phone's width and a desktop's: no sideways scrolling, no axe violation.
	expect(await auditAtEverySize(a, testInfo, 'plenary-exchange-open', 'en')).toEqual([]);

	await inline.getByRole('button', { name: en('verify_cancel') }).click();
	await expect(a.getByTestId('user-verification')).toHaveCount(0);
	await expect(verify).toBeFocused();
	await expect(row).toHaveAttribute('data-trust', /^(unverified|unknown)$/);

	expectClean(first.seen, 'prosecutor');
	await Promise.all([first.context.close(), second.context.close()]);
	await Promise.all([logOutRegistration(prosecutor), logOutRegistration(officer)]);
});
