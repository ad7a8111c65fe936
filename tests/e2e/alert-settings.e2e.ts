// Issue 16, "users set their address and categories": Nigeria's 24/7 focal
// point (a person of ng-ca's people file, on a cross-signed device) opens the
// notification centre's e-mail alerts. A malformed address is refused in the
// browser, said next to its field, which takes the focus. His own address,
// with the batched mail of new requests turned off, goes to his authority's
// bridge end-to-end encrypted: the bridge's register holds it, and the page
// shows it again after a reload (read back from his own message). Urgent
// mails are said to be always on. The section is audited in the five
// languages at 360 and 1280 px (axe, no sideways scroll), screenshots kept.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { rosterAccount } from './support/accounts.ts';
import { LOCALES, message } from './support/messages.ts';
import { alertPreferenceOf } from './support/registers.ts';
import { rosterPersonSignedIn } from './support/roster-person.ts';
import { auditAtEverySize, VIEWPORTS } from './support/screen-audit.ts';
import { expectClean, newBrowser } from './support/session-pages.ts';

test.setTimeout(480_000);

const SHOTS = '/work/notes/shots/alertprefs';

test('a person sets their own alert address: refused when malformed, else sent encrypted to their bridge, which holds it', async ({
	browser,
}, testInfo) => {
	const point = await rosterAccount('ng-ca', 'tunde.adeyemi');
	const b = await newBrowser(browser, point);
	const page = b.page;
	await rosterPersonSignedIn(page, point);
	await page.goto('/en/notifications');
	const address = page.getByTestId('alert-mail-address');
	await expect(address).toBeVisible({ timeout: 120_000 });
	await expect(page.getByTestId('alert-mail-urgent')).toHaveText(message('en', 'alert_mail_urgent_always'));
	await expect(page.getByTestId('alert-mail-unverified')).toHaveCount(0);

	// Malformed: refused here, the field says why and has the focus.
	await address.fill('tunde at home, please');
	await page.getByTestId('alert-mail-save').click();
	await expect(address).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#alert-mail-address-problem')).toHaveText(message('en', 'alert_mail_problem_malformed'));
	await expect(address).toBeFocused();
	await expect(page.getByTestId('alert-mail-status')).toHaveAttribute('data-status', 'idle');

	// His own address, the batched mail off, with the keyboard alone.
	const own = `tunde.${Date.now().toString(36)}@home.example`;
	await address.fill(own);
	await expect(address).not.toHaveAttribute('aria-invalid', 'true');
	await address.press('Tab');
	await expect(page.getByTestId('alert-mail-new-requests')).toBeFocused();
	// NOTE: an earlier run of this federation may have left it off already (the page reads back what was sent).
	if (await page.getByTestId('alert-mail-new-requests').isChecked()) await page.keyboard.press('Space');
	await expect(page.getByTestId('alert-mail-new-requests')).not.toBeChecked();
	await page.keyboard.press('Tab');
	await expect(page.getByTestId('alert-mail-save')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('alert-mail-status')).toHaveAttribute('data-status', 'sent', { timeout: 60_000 });
	await expect(page.getByTestId('alert-mail-status')).toHaveText(message('en', 'alert_mail_sent'));

	// The bridge holds it: his address, new requests off.
	await expect
		.poll(() => alertPreferenceOf('ng-ca', point.userId), { timeout: 120_000, message: 'the bridge takes the setting' })
		.toMatchObject({ email: own, off: ['new-requests'] });

	// After a reload the page shows what he sent, read back from his own message.
	await page.reload();
	await expect(page.getByTestId('alert-mail-address')).toHaveValue(own, { timeout: 120_000 });
	await expect(page.getByTestId('alert-mail-new-requests')).not.toBeChecked();

	// The section in every language, at both widths.
	const problems: string[] = [];
	for (const locale of LOCALES) {
		await page.goto(`/${locale}/notifications`);
		await expect(page.getByTestId('alert-mail-address')).toHaveValue(own, { timeout: 120_000 });
		await page.getByTestId('alert-mail').scrollIntoViewIfNeeded();
		problems.push(...(await auditAtEverySize(page, testInfo, 'alert-settings', locale)));
	}
	mkdirSync(SHOTS, { recursive: true });
	for (const locale of LOCALES)
		for (const { width } of VIEWPORTS) {
			const name = `alert-settings-${locale}-${width}.png`;
			copyFileSync(testInfo.outputPath(name), join(SHOTS, name));
		}
	expect(problems).toEqual([]);
	expectClean(b.seen, 'Nigeria’s 24/7 focal point');
	await b.context.close();
});
