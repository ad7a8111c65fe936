// A new browser brought in by another session of the same person, with emoji
// (SAS): the verified browser is asked, accepts, both show the same seven
// emoji — compared here as a person would, screen against screen — both
// confirm, and the new browser is cross-signed (seen from the homeserver's
// /keys/query too). No console or page error, nothing beyond loopback.
import { expect, test } from '@playwright/test';
import { crossSignedDevices, freshAccount, logOutRegistration, memberHomeserver } from './support/accounts.ts';
import { en, expectClean, newBrowser, setUpRecoveryKey, shownDeviceId, signIn } from './support/session-pages.ts';

test('a new browser is verified by comparing emoji with a verified session', async ({ browser }) => {
	const account = await freshAccount(memberHomeserver(), 'e2e-sas');

	const verified = await newBrowser(browser, account);
	const a = verified.page;
	await a.goto('/en/sign-in');
	await signIn(a, account);
	await setUpRecoveryKey(a);
	const firstDevice = await shownDeviceId(a);

	const fresh = await newBrowser(browser, account);
	const b = fresh.page;
	await b.goto('/en/sign-in');
	await signIn(b, account);
	await expect(b.getByRole('heading', { level: 1, name: en('recover_heading') })).toBeVisible();
	await b.getByRole('button', { name: en('verify_other_start') }).click();
	await expect(b.getByTestId('verification')).toHaveAttribute('data-state', 'requested');

	// The verified session is asked, names the new session, and accepts.
	const request = a.getByTestId('verification');
	await expect(request).toHaveAttribute('data-state', 'incoming');
	await expect(request.getByRole('heading', { name: en('verify_incoming_heading') })).toBeVisible();
	await request.getByRole('button', { name: en('verify_accept') }).click();

	// Both screens show the same seven emoji, in the same order.
	const emojiA = a.getByTestId('sas-emoji').getByRole('listitem');
	const emojiB = b.getByTestId('sas-emoji').getByRole('listitem');
	await expect(emojiA).toHaveCount(7);
	await expect(emojiB).toHaveCount(7);
	expect(await emojiB.allInnerTexts()).toEqual(await emojiA.allInnerTexts());

	await a.getByRole('button', { name: en('verify_match') }).click();
	await b.getByRole('button', { name: en('verify_match') }).click();
	await expect(a.getByTestId('verification')).toHaveAttribute('data-state', 'done');
	await expect(a.getByText(en('verify_done_other'))).toBeVisible();
	await expect(b.getByTestId('verification')).toHaveAttribute('data-state', 'done');
	await expect(b.getByText(en('verify_done_self'))).toBeVisible();

	await b.getByRole('button', { name: en('verify_close') }).click();
	await expect(b).toHaveURL(/\/en\/home$/);
	await expect(b.getByTestId('device-trust')).toHaveAttribute('data-trust', 'verified');
	const secondDevice = await shownDeviceId(b);
	await expect.poll(async () => (await crossSignedDevices(account)).sort()).toEqual([firstDevice, secondDevice].sort());

	expectClean(verified.seen, 'verified browser');
	expectClean(fresh.seen, 'new browser');
	await logOutRegistration(account);
	await verified.context.close();
	await fresh.context.close();
});
