// The browser's crypto store is opened with a storage key (issue 9, "No
// security headers": the keys behind one XSS). In Chromium against the real
// federation:
// - a new device's crypto store holds nothing of the device in the clear
//   (not even its ID; the user's ID only as the key of the SDK's list of
//   tracked users), its key is kept only wrapped under a non-extractable
//   CryptoKey that refuses export, a reload opens it again, and sign-out
//   deletes both;
// - with the key record gone, the app never opens the keyed store without it
//   (which would silently make a new identity): it says so, and signing out
//   still works;
// - a store an earlier version left unencrypted (made here with the same
//   crypto package, the way it was opened then) is found, the person is
//   asked to replace the device ("not now" is honoured until the next load),
//   the message keys at stake are counted against the key backup, and the
//   device is signed out on the homeserver and in the browser; signing in
//   again gives a new device whose store is encrypted.
import { expect, test } from '@playwright/test';
import { freshAccount, homeserverOf, logOutRegistration, tokenAccepted } from '../e2e/support/accounts.ts';
import { webUrl } from '../e2e/support/env.ts';
import { blankPageOf, databaseContains, databaseNames, deleteDatabase, storageKeyRecords } from '../e2e/support/indexeddb-probe.ts';
import { makeUnkeyedCryptoStore } from '../e2e/support/legacy-store.ts';
import { en, expectClean, newBrowser, signIn } from '../e2e/support/session-pages.ts';

test.setTimeout(180_000);

const CRYPTO = 'rogatory::matrix-sdk-crypto';
const META = 'rogatory::matrix-sdk-crypto-meta';
const KEYS = 'rogatory-storage-key';
/** The SDK's sync state (web/src/lib/matrix/sync-store.ts): made once a session opens, gone with it. */
const SYNC = 'matrix-js-sdk:rogatory-sync';
/** NOTE: the SDK's store keeps the users whose devices it tracks under their plain user ID, keyed or not. */
const TRACKED_USERS = ['tracked_users'];

test('a new device’s crypto store is encrypted under a key script cannot read, and it all goes at sign-out', async ({ browser }) => {
	const account = await freshAccount(homeserverOf('gt-mp'), 'sec-storekey');
	const { context, page, seen } = await newBrowser(browser, account);
	await page.goto('/en/sign-in');
	await signIn(page, account);
	await expect(page).toHaveURL(/\/en\/keys$/);
	await expect(page.getByRole('heading', { level: 1, name: en('keys_setup_heading') })).toBeVisible();
	const { deviceId } = JSON.parse((await page.evaluate(() => localStorage.getItem('rogatory.session'))) ?? '{}') as { deviceId: string };

	expect(await databaseNames(page)).toEqual([CRYPTO, META, KEYS, SYNC].sort());
	expect(await storageKeyRecords(page)).toEqual([{ cryptoKey: true, extractable: false, exportRefused: true }]);
	expect(await databaseContains(page, CRYPTO, deviceId), 'the device ID in the crypto store').toBe(false);
	expect(await databaseContains(page, CRYPTO, account.userId, TRACKED_USERS), 'the user ID in the crypto store').toBe(false);

	// A reload opens the same store with the same key.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: en('keys_setup_heading') })).toBeVisible();

	await page.goto('/en/sign-out');
	await page.getByRole('button', { name: en('signout_confirm') }).click();
	await expect(page).toHaveURL(/\/en\/sign-in$/);
	expect(await databaseNames(page)).toEqual([]);
	expectClean(seen, 'browser');
	await context.close();
	await logOutRegistration(account);
});

test('without its key record the keyed store is never opened, and the person can still sign out', async ({ browser }) => {
	const account = await freshAccount(homeserverOf('gt-mp'), 'sec-keylost');
	const { context, page } = await newBrowser(browser, account);
	await page.goto('/en/sign-in');
	await signIn(page, account);
	await expect(page).toHaveURL(/\/en\/keys$/);
	await blankPageOf(page, webUrl());
	await deleteDatabase(page, KEYS);
	await page.goto('/en/home');
	await expect(page.getByRole('alert')).toHaveText(en('session_failed_store_key'));
	// Nothing was opened or made over the keyed store: no new key, and the store is as it was.
	// (The sync state is not the keyed store: it may have been opened, and goes at sign-out with the rest.)
	expect((await databaseNames(page)).filter((name) => name !== SYNC)).toEqual([CRYPTO, META].sort());
	await page.getByRole('button', { name: en('home_sign_out') }).click();
	await expect(page).toHaveURL(/\/en\/sign-in$/);
	expect(await databaseNames(page)).toEqual([]);
	await context.close();
	await logOutRegistration(account);
});

test('a store an earlier version left unencrypted is replaced, never silently: the device signs out and comes back encrypted', async ({
	browser,
}) => {
	// The account's registration device stands for a device the old app signed in.
	const account = await freshAccount(homeserverOf('gt-mp'), 'sec-legacy');
	const { context, page, seen } = await newBrowser(browser, account);
	await makeUnkeyedCryptoStore(page, webUrl(), account);
	expect(await databaseNames(page)).toEqual([CRYPTO]);
	expect(await databaseContains(page, CRYPTO, account.deviceId), 'the old store is in the clear').toBe(true);
	expect(await databaseContains(page, CRYPTO, account.userId, TRACKED_USERS), 'the old store is in the clear').toBe(true);
	await page.evaluate((session) => localStorage.setItem('rogatory.session', JSON.stringify({ version: 1, ...session })), {
		homeserverUrl: account.homeserver.clientUrl,
		userId: account.userId,
		deviceId: account.deviceId,
		accessToken: account.accessToken,
	});

	// The app opens the old store as it is (never a new key over it), and asks first.
	await page.goto('/en/home');
	await expect(page.getByRole('heading', { level: 1, name: en('protect_heading') })).toBeFocused();
	await expect(page.getByTestId('protect-coverage')).toHaveText(en('protect_none_held'));
	expect(await databaseNames(page)).toEqual([CRYPTO, SYNC].sort());

	// "Not now" goes on with the pages, until the next load.
	await page.getByRole('button', { name: en('protect_later') }).click();
	await expect(page.getByTestId('protect-keys')).toHaveCount(0);
	await expect(page.getByTestId('user-id')).toHaveText(account.userId);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: en('protect_heading') })).toBeVisible();

	// Replacing the device: signed out here and on the homeserver.
	await expect(page.getByTestId('protect-coverage')).toHaveAttribute('data-state', 'known');
	await page.getByRole('button', { name: en('protect_submit') }).click();
	await expect(page).toHaveURL(/\/en\/sign-in$/);
	await expect(page.getByText(en('session_signed_out_protect'))).toBeVisible();
	expect(await databaseNames(page)).toEqual([]);
	expect(await tokenAccepted(account, account.accessToken)).toBe(false);

	// Signing in again: a new device, its store encrypted.
	await signIn(page, account);
	await expect(page).toHaveURL(/\/en\/keys$/);
	const { deviceId } = JSON.parse((await page.evaluate(() => localStorage.getItem('rogatory.session'))) ?? '{}') as { deviceId: string };
	expect(deviceId).not.toBe(account.deviceId);
	expect(await databaseNames(page)).toEqual([CRYPTO, META, KEYS, SYNC].sort());
	expect(await databaseContains(page, CRYPTO, deviceId)).toBe(false);
	expect(await databaseContains(page, CRYPTO, account.userId, TRACKED_USERS)).toBe(false);

	expectClean(seen, 'browser');
	await context.close();
});
