// Sign-in and keys in Chromium against the real federation: a fresh account
// signs in (its homeserver's address pre-filled from the federation file, its
// server name being an IP literal), sets up cross-signing and a recovery key
// and proves it kept the key; a reload keeps it signed in and verified; a
// colleague's encrypted message reaches it and its key the backup; a second
// browser signs in as the same person, is unverified until it enters the
// recovery key, then is cross-signed and has that message's key restored;
// signing out ends the session on the homeserver and leaves nothing in the
// browser. Throughout: no console or page error, no request beyond loopback.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { createEncryptedRoom, startNodeClient } from '../support/matrix-node-client.ts';
import {
	backedUpKeys,
	crossSignedDevices,
	freshAccount,
	joinRoom,
	logOutRegistration,
	memberHomeserver,
	tokenAccepted,
} from './support/accounts.ts';
import { browserClientUrl } from './support/env.ts';
import { en, expectClean, newBrowser, shownDeviceId, signIn } from './support/session-pages.ts';

test('sign in, keep the recovery key, stay signed in, bring in a second browser with it, sign out and leave nothing', async ({
	browser,
}) => {
	const account = await freshAccount(memberHomeserver(), 'e2e-signin');

	// ── First browser: sign in ──
	const first = await newBrowser(browser, account);
	const a = first.page;
	await a.goto('/en/sign-in');
	await expect(a.getByRole('heading', { level: 1, name: en('signin_page_title') })).toBeVisible();

	// A wrong password is refused with a clear message (the homeserver's 403 is expected in the console).
	first.seen.expectHttpErrorFrom(`${browserClientUrl(account.homeserver)}/_matrix/client/v3/login`);
	await signIn(a, account, 'not-the-password');
	await expect(a.getByRole('alert')).toHaveText(en('signin_error_credentials'));
	await expect(a.getByLabel(en('signin_password_label'))).toBeFocused();

	await a.getByLabel(en('signin_password_label')).fill(account.password);
	await a.getByLabel(en('signin_password_label')).press('Enter');

	// ── First sign-in: the recovery key ──
	await expect(a).toHaveURL(/\/en\/keys$/);
	await expect(a.getByRole('heading', { level: 1, name: en('keys_setup_heading') })).toBeVisible();
	await a.getByRole('button', { name: en('keys_setup_create') }).click();
	await expect(a.getByRole('heading', { level: 1, name: en('keys_show_heading') })).toBeFocused();
	const recoveryKey = (await a.getByTestId('recovery-key').innerText()).trim();
	expect(recoveryKey).toMatch(/^(\S{4} ){11}\S{4}$/);

	const download = a.waitForEvent('download');
	await a.getByRole('link', { name: en('keys_show_download') }).click();
	const file = await readFile(await (await download).path(), 'utf8');
	expect(file).toContain(recoveryKey);
	await expect(a.getByText(en('keys_show_downloaded'))).toBeVisible();

	await a.getByRole('button', { name: en('keys_show_continue') }).click();
	await expect(a.getByRole('heading', { level: 1, name: en('keys_confirm_heading') })).toBeFocused();
	const keyField = a.getByLabel(en('keys_confirm_label'));
	// One group mistyped: refused, and the group is named.
	const groups = recoveryKey.split(' ');
	const wrongGroup = groups.map((group, index) => (index === 4 ? [...group].reverse().join('') + 'x' : group)).join(' ');
	await keyField.fill(wrongGroup.slice(0, recoveryKey.length));
	await a.getByRole('button', { name: en('keys_confirm_submit') }).click();
	await expect(a.getByText(en('keys_confirm_mismatch', { group: 5 }))).toBeVisible();
	// Typed back as written on paper: three lines, no matter the spacing.
	await keyField.fill(`${groups.slice(0, 4).join(' ')}\n${groups.slice(4, 8).join('')}\n${groups.slice(8).join('  ')}`);
	// Enter in the box confirms, as in a one-line field (Shift+Enter breaks the line).
	await keyField.press('Enter');
	await expect(a.getByRole('heading', { level: 1, name: en('keys_done_heading') })).toBeVisible();
	await a.getByRole('button', { name: en('keys_continue') }).click();

	await expect(a).toHaveURL(/\/en\/home$/);
	await expect(a.getByTestId('user-id')).toHaveText(account.userId);
	await expect(a.getByTestId('device-trust')).toHaveAttribute('data-trust', 'verified');
	await expect(a.getByTestId('key-backup')).toHaveText(en('home_backup_on', { version: '1' }));
	const firstDevice = await shownDeviceId(a);
	expect(await crossSignedDevices(account)).toEqual([firstDevice]);

	// ── A reload keeps the session and its keys ──
	await a.reload();
	await expect(a.getByTestId('device-trust')).toHaveAttribute('data-trust', 'verified');
	await expect(a.locator('dd code')).toHaveText(firstDevice);

	// ── Meanwhile a colleague writes in an encrypted room: the first browser gets the room key and backs it up ──
	const colleague = await freshAccount(account.homeserver, 'e2e-colleague');
	const peer = await startNodeClient({ ...colleague, clientUrl: colleague.homeserver.clientUrl });
	// Synapse takes the first cross-signing upload without a password (MSC3967).
	await peer.getCrypto()?.bootstrapCrossSigning({ authUploadDeviceSigningKeys: (makeRequest) => makeRequest(null) });
	const roomId = await createEncryptedRoom(peer, [account.userId]);
	await joinRoom(account, roomId);
	await peer.sendTextMessage(roomId, 'An earlier message the second browser should be able to read');
	await expect.poll(() => backedUpKeys(account), { message: "the room key reaches the account's key backup" }).toBeGreaterThan(0);
	peer.stopClient();

	// ── Second browser: same person, new device, unverified until the recovery key ──
	const second = await newBrowser(browser, account);
	const b = second.page;
	await b.goto('/en/sign-in');
	await signIn(b, account);
	await expect(b).toHaveURL(/\/en\/keys$/);
	await expect(b.getByRole('heading', { level: 1, name: en('recover_heading') })).toBeVisible();
	await b.getByLabel(en('recover_label')).fill(recoveryKey.replaceAll(' ', ''));
	await b.getByRole('button', { name: en('recover_submit') }).click();
	await expect(b.getByRole('heading', { name: en('recover_done_heading') })).toBeVisible();
	// The earlier message's key came back from the backup.
	await expect(b.getByTestId('recovery-done')).toHaveText(en('recover_done_restored', { imported: 1, total: 1 }));
	await b.getByRole('button', { name: en('keys_continue') }).click();
	await expect(b).toHaveURL(/\/en\/home$/);
	await expect(b.getByTestId('device-trust')).toHaveAttribute('data-trust', 'verified');
	const secondDevice = await shownDeviceId(b);
	expect((await crossSignedDevices(account)).sort()).toEqual([firstDevice, secondDevice].sort());

	// ── Sign out: ends the session on the homeserver, leaves nothing in the browser, in every tab ──
	const otherTab = await second.context.newPage();
	await otherTab.goto('/en/home');
	await expect(otherTab.getByTestId('device-trust')).toHaveAttribute('data-trust', 'verified');
	const token = await b.evaluate(
		() => (JSON.parse(localStorage.getItem('rogatory.session') ?? '{}') as { accessToken?: string }).accessToken,
	);
	expect(token).toBeTruthy();
	// A mark on the other tab's page: it must unload (not merely navigate), so that nothing of it holds the databases being deleted.
	await otherTab.evaluate(() => Object.assign(globalThis, { rogatoryTestMark: true }));
	await b.getByRole('link', { name: en('home_sign_out') }).click();
	await expect(b).toHaveURL(/\/en\/sign-out$/);
	await b.getByRole('button', { name: en('signout_confirm') }).click();
	await expect(b).toHaveURL(/\/en\/sign-in$/);
	await expect(b.getByRole('status').filter({ hasText: en('signout_done') })).toBeVisible();
	expect(await b.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).toEqual([]);
	expect(await b.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
	expect(await tokenAccepted(account, token ?? '')).toBe(false);
	// The other tab let go of the databases (its page was loaded afresh) and says why it is signed out; signed-in pages now lead to sign-in.
	await expect(otherTab).toHaveURL(/\/en\/sign-in$/);
	await expect(otherTab.getByText(en('session_signed_out_other_tab'))).toBeVisible();
	expect(await otherTab.evaluate(() => 'rogatoryTestMark' in globalThis)).toBe(false);
	expect(await otherTab.evaluate(() => sessionStorage.getItem('rogatory.left-tab'))).toBeNull();
	await b.goto('/en/home');
	await expect(b).toHaveURL(/\/en\/sign-in$/);
	// The first browser is untouched.
	await a.reload();
	await expect(a.getByTestId('device-trust')).toHaveAttribute('data-trust', 'verified');

	expectClean(first.seen, 'first browser');
	expectClean(second.seen, 'second browser');
	await logOutRegistration(account);
	await logOutRegistration(colleague);
	await first.context.close();
	await second.context.close();
});
