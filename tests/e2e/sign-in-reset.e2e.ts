// A person who lost their recovery key and every verified session resets
// their keys from a new browser: they are warned what it costs, get a new
// recovery key and prove they kept it, and — the homeserver asking for the
// password before it replaces cross-signing keys — give their password (a
// wrong one is refused first). The new browser is then the only cross-signed
// device; the old one sees it is no longer verified.
import { expect, test } from '@playwright/test';
import { crossSignedDevices, freshAccount, logOutRegistration, memberHomeserver } from './support/accounts.ts';
import { browserClientUrl } from './support/env.ts';
import { en, expectClean, newBrowser, setUpRecoveryKey, shownDeviceId, signIn } from './support/session-pages.ts';

test('a lost recovery key: reset the keys from a new browser, with the password', async ({ browser }) => {
	const account = await freshAccount(memberHomeserver(), 'e2e-reset');

	const old = await newBrowser(browser, account);
	await old.page.goto('/en/sign-in');
	await signIn(old.page, account);
	const lostKey = await setUpRecoveryKey(old.page);

	const fresh = await newBrowser(browser, account);
	const b = fresh.page;
	// The homeserver answers the key upload 401 until it has the password (spec: User-Interactive Authentication),
	// and 404 when the reset looks for a dehydrated device to delete and there is none (MSC3814).
	fresh.seen.expectHttpErrorFrom(`${browserClientUrl(account.homeserver)}/_matrix/client/v3/keys/device_signing/upload`);
	fresh.seen.expectHttpErrorFrom(`${browserClientUrl(account.homeserver)}/_matrix/client/unstable/org.matrix.msc3814.v1/dehydrated_device`);
	await b.goto('/en/sign-in');
	await signIn(b, account);
	await expect(b.getByRole('heading', { level: 1, name: en('recover_heading') })).toBeVisible();
	await b.getByRole('button', { name: en('keys_reset_start') }).click();
	await expect(b.getByRole('heading', { level: 1, name: en('keys_reset_heading') })).toBeFocused();
	await expect(b.getByText(en('keys_reset_warning'))).toBeVisible();
	await b.getByRole('button', { name: en('keys_reset_confirm') }).click();

	const newKey = (await b.getByTestId('recovery-key').innerText()).trim();
	expect(newKey).not.toBe(lostKey);
	await b.getByRole('button', { name: en('keys_show_continue') }).click();
	await b.getByLabel(en('keys_confirm_label')).fill(newKey);
	await b.getByRole('button', { name: en('keys_confirm_submit') }).click();

	await expect(b.getByRole('heading', { level: 1, name: en('keys_password_heading') })).toBeFocused();
	await b.getByLabel(en('signin_password_label')).fill('not-the-password');
	await b.getByRole('button', { name: en('keys_password_submit') }).click();
	await expect(b.getByText(en('keys_password_wrong'))).toBeVisible();
	await b.getByLabel(en('signin_password_label')).fill(account.password);
	await b.getByRole('button', { name: en('keys_password_submit') }).click();

	await expect(b.getByRole('heading', { level: 1, name: en('keys_done_heading') })).toBeVisible();
	await b.getByRole('button', { name: en('keys_continue') }).click();
	await expect(b.getByTestId('device-trust')).toHaveAttribute('data-trust', 'verified');
	const newDevice = await shownDeviceId(b);
	await expect.poll(() => crossSignedDevices(account)).toEqual([newDevice]);
	// The old browser learns that the account's keys changed and that it is no longer among the verified.
	await expect(old.page.getByTestId('device-trust')).toHaveAttribute('data-trust', 'unverified');

	expectClean(old.seen, 'old browser');
	expectClean(fresh.seen, 'new browser');
	await logOutRegistration(account);
	await old.context.close();
	await fresh.context.close();
});
