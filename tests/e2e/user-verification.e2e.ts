// Verifying other people (issue 12, acceptance 1 and 2), in three browsers on
// two homeservers of one network: a prosecutor of Guatemala's Public Ministry
// (A, gt-mp) and two people of a second authority (B and C) share a case
// room. A and B verify each other by comparing emoji; each then shows the
// other as verified in the room. B resets their identity (new cross-signing
// keys, from a new browser): A's page warns until A verifies B again — by QR
// code, B pasting A's code as text (the test browsers have no camera). A and
// C then verify each other by QR code read from a picture: a screenshot of
// C's code, chosen as a file on A's side.
// A and B are in REFCO's directory too, listed by their authorities' editors
// (roster people): each shows the other as verified there, and A's directory
// warns of B's changed identity until A verifies B again.
// The second authority is El Salvador's FGR (sv-fgr), of REFCO like gt-mp:
// two homeservers of one network.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { freshAccount, homeserverOf, logOutRegistration, type E2eAccount } from './support/accounts.ts';
import { caseEntry, openFromDashboard, openRequest, signedIn } from './support/case-pages.ts';
import { browserClientUrl } from './support/env.ts';
import { directoryCard, listPeople } from './support/directory-pages.ts';
import { en, expectClean, newBrowser, resetKeys, signIn } from './support/session-pages.ts';
import { accept, closeDone, naming, panel, trustOf } from './support/verification-pages.ts';

test.setTimeout(480_000);

const FIRST = 'gt-mp';
const SECOND = 'sv-fgr';
/** REFCO's directory, kept by El Salvador's bridge, and an editor of each authority (their people files). */
const DIRECTORY = { network: 'refco', keeper: 'sv-fgr' };
const EDITORS = { [FIRST]: 'lucia.ramirez', [SECOND]: 'jorge.hernandez' };

/** Back to the case page through the app's navigation (no new page load; see support/directory-pages.ts). */
async function backToCase(page: Page, title: string): Promise<void> {
	await page.getByTestId('nav-cases').click();
	const entry = page.getByTestId('case-entry').filter({ hasText: title });
	await expect(entry).toBeVisible({ timeout: 60_000 });
	await entry.getByRole('link', { name: title }).click();
	await expect(page.getByTestId('case-title')).toHaveText(title);
}

/** Resets the account's keys from a new browser (as sign-in-reset.e2e.ts does); resolves on the keys page, verified. */
async function resetIdentity(page: Page, account: E2eAccount): Promise<void> {
	await page.goto('/en/sign-in');
	await signIn(page, account);
	await expect(page.getByRole('heading', { level: 1, name: en('recover_heading') })).toBeVisible();
	await resetKeys(page, account);
}

test('people verify each other by emoji and by QR code (pasted, and read from a picture), and a changed identity is warned of', async ({
	browser,
}) => {
	const prosecutor = await freshAccount(homeserverOf(FIRST), 'e2e-uv-a');
	const officer = await freshAccount(homeserverOf(SECOND), 'e2e-uv-b');
	const colleague = await freshAccount(homeserverOf(SECOND), 'e2e-uv-c');
	const listed = { prosecutor: `Ana Prueba ${Date.now()}`, officer: `Bruno Prueba ${Date.now()}` };
	await listPeople(browser, { authority: FIRST, localpart: EDITORS[FIRST] }, DIRECTORY, [
		{ name: listed.prosecutor, userId: prosecutor.userId },
	]);
	await listPeople(browser, { authority: SECOND, localpart: EDITORS[SECOND] }, DIRECTORY, [
		{ name: listed.officer, userId: officer.userId },
	]);
	const first = await newBrowser(browser, prosecutor);
	const second = await newBrowser(browser, officer);
	const third = await newBrowser(browser, colleague);
	const [a, b, c] = [first.page, second.page, third.page];
	await Promise.all([signedIn(a, prosecutor), signedIn(b, officer), signedIn(c, colleague)]);

	const title = `Verification ${Date.now()}`;
	await openRequest(a, { title, requested: SECOND, offence: 'Corruption', invite: [officer.userId, colleague.userId] });
	// The invitations cross to the other homeserver and are accepted on their own: on a loaded machine that can take a while.
	for (const page of [b, c]) {
		await page.goto('/en/cases');
		await caseEntry(page, title, 120_000);
		await openFromDashboard(page, title);
	}
	await expect(trustOf(a, officer.userId)).toHaveAttribute('data-trust', 'unverified', { timeout: 60_000 });
	await expect(trustOf(b, prosecutor.userId)).toHaveAttribute('data-trust', 'unverified');

	// ── A and B compare emoji ──
	await trustOf(a, officer.userId)
		.getByRole('button', { name: naming('people_verify') })
		.click();
	await accept(b, prosecutor.userId);
	await expect(panel(a)).toHaveAttribute('data-state', 'ready');
	await panel(a)
		.getByRole('button', { name: en('uv_tab_emoji') })
		.click();
	await panel(a)
		.getByRole('button', { name: en('uv_emoji_start') })
		.click();
	await expect(panel(a).getByTestId('sas-emoji')).toBeVisible({ timeout: 60_000 });
	await expect(panel(b).getByTestId('sas-emoji')).toBeVisible({ timeout: 60_000 });
	expect(await panel(a).getByTestId('sas-emoji').innerText()).toBe(await panel(b).getByTestId('sas-emoji').innerText());
	await panel(a)
		.getByRole('button', { name: en('verify_match') })
		.click();
	await panel(b)
		.getByRole('button', { name: en('verify_match') })
		.click();
	await closeDone(a);
	await closeDone(b);
	await expect(trustOf(a, officer.userId)).toHaveAttribute('data-trust', 'verified');
	await expect(trustOf(b, prosecutor.userId)).toHaveAttribute('data-trust', 'verified');
	await expect(trustOf(a, officer.userId).getByTestId('trust-badge')).toHaveText(new RegExp(en('people_verified')));
	// …and in the directory, where each finds the other's entry.
	for (const [page, name] of [
		[a, listed.officer],
		[b, listed.prosecutor],
	] as const) {
		const card = await directoryCard(page, name);
		await expect(card).toBeVisible({ timeout: 240_000 });
		await expect(card.getByTestId('trust-badge')).toHaveAttribute('data-trust', 'verified');
	}
	await backToCase(a, title);

	// ── B resets their identity from a new browser: A is warned ──
	const fresh = await newBrowser(browser, officer);
	fresh.seen.expectHttpErrorFrom(`${browserClientUrl(officer.homeserver)}/_matrix/client/v3/keys/device_signing/upload`);
	fresh.seen.expectHttpErrorFrom(`${browserClientUrl(officer.homeserver)}/_matrix/client/unstable/org.matrix.msc3814.v1/dehydrated_device`);
	const b2 = fresh.page;
	await resetIdentity(b2, officer);
	await expect(trustOf(a, officer.userId)).toHaveAttribute('data-trust', 'changed', { timeout: 60_000 });
	const warning = a.getByTestId('identity-warning').and(a.locator(`[data-user-id="${officer.userId}"]`));
	await expect(warning).toBeVisible();
	await expect(trustOf(a, officer.userId).getByTestId('trust-badge')).toHaveText(new RegExp(en('people_changed')));
	// The directory warns too.
	const officerCard = await directoryCard(a, listed.officer);
	await expect(officerCard.getByTestId('trust-badge')).toHaveAttribute('data-trust', 'changed');
	await expect(officerCard.getByTestId('trust-badge')).toHaveText(new RegExp(en('people_changed')));
	// The warning stays across a reload: it is the crypto's, not the page's.
	await backToCase(a, title);
	await a.reload();
	await expect(warning).toBeVisible({ timeout: 60_000 });

	// ── A verifies B again by QR code: B pastes A's code (a request is shown on any page: B's new browser is on its keys page) ──
	await warning.getByRole('button', { name: naming('people_reverify') }).click();
	await accept(b2, prosecutor.userId);
	await expect(panel(a)).toHaveAttribute('data-state', 'ready');
	const code = (await panel(a).getByTestId('my-qr-text').inputValue({ timeout: 30_000 })).trim();
	expect(code).toMatch(/^TUFUUklY/); // "MATRIX" in base64
	await expect(warning).toBeVisible();
	await panel(b2).getByLabel(en('uv_paste_label')).fill(code);
	await panel(b2)
		.getByRole('button', { name: en('uv_paste_submit') })
		.click();
	await expect(panel(a)).toHaveAttribute('data-state', 'qr-scanned', { timeout: 60_000 });
	await panel(a)
		.getByRole('button', { name: en('uv_qr_scanned_yes') })
		.click();
	await closeDone(a);
	await closeDone(b2);
	await expect(trustOf(a, officer.userId)).toHaveAttribute('data-trust', 'verified');
	await expect(warning).toHaveCount(0);
	await expect((await directoryCard(a, listed.officer)).getByTestId('trust-badge')).toHaveAttribute('data-trust', 'verified');
	await backToCase(a, title);

	// ── A and C verify each other by QR code read from a picture of C's code ──
	await trustOf(a, colleague.userId)
		.getByRole('button', { name: naming('people_verify') })
		.click();
	await accept(c, prosecutor.userId);
	const picture = join(await mkdtemp(join(tmpdir(), 'rogatory-qr-')), 'code.png');
	await expect(panel(c).getByTestId('my-qr')).toHaveAttribute('data-drawn', 'true');
	await panel(c).getByTestId('my-qr').screenshot({ path: picture });
	// A picture without a code is refused in words first.
	await panel(a)
		.getByLabel(en('uv_scan_file'))
		.setInputFiles({
			name: 'blank.png',
			mimeType: 'image/png',
			buffer: await a.screenshot({ clip: { x: 0, y: 0, width: 40, height: 40 } }),
		});
	await expect(panel(a).getByTestId('code-problem')).toHaveText(en('uv_code_not_found'));
	await panel(a).getByLabel(en('uv_scan_file')).setInputFiles(picture);
	await expect(panel(c)).toHaveAttribute('data-state', 'qr-scanned', { timeout: 60_000 });
	await panel(c)
		.getByRole('button', { name: en('uv_qr_scanned_yes') })
		.click();
	await closeDone(c);
	await closeDone(a);
	await expect(trustOf(a, colleague.userId)).toHaveAttribute('data-trust', 'verified');
	await expect(trustOf(c, prosecutor.userId)).toHaveAttribute('data-trust', 'verified');

	for (const [seen, who] of [
		[first.seen, 'A'],
		[third.seen, 'C'],
	] as const)
		expectClean(seen, who);
	// NOTE: B's first browser may still be uploading room keys to the backup the reset replaced
	// (PUT room_keys/keys?version=<old>), answered 404 (M_NOT_FOUND), which Chromium and the crypto's backup loop
	// both log; the crypto then finds the new backup and stops.
	const oldBackupGone = /(status of 404|M_NOT_FOUND).*\/_matrix\/client\/v3\/room_keys\/keys\?version=/s;
	expectClean({ ...second.seen, consoleErrors: second.seen.consoleErrors.filter((error) => !oldBackupGone.test(error)) }, 'B');
	// NOTE: the reset made a new key backup, without the keys of what was sent before it: B's new browser asks it for
	// each (GET room_keys/keys/<room>/<session>) and is answered 404, the protocol's "none", which Chromium logs.
	const notInNewBackup = /status of 404 .*\/_matrix\/client\/v3\/room_keys\/keys\//;
	expectClean({ ...fresh.seen, consoleErrors: fresh.seen.consoleErrors.filter((error) => !notInNewBackup.test(error)) }, 'B after reset');
	for (const account of [prosecutor, officer, colleague]) await logOutRegistration(account);
	for (const context of [first.context, second.context, fresh.context, third.context]) await context.close();
});
