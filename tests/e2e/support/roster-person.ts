// A roster person (an authority's editor, from its people file) in a test
// browser, run after run of the same federation. Their first sign-in sets up
// cross-signing and a recovery key, kept beside the homeserver's secrets; a
// later run restores with that key, so the person's identity stays the one
// their authority's bridge knows (a reset would be "identity changed", and
// the bridge would stop counting what they write). And a roster person who is
// already in their network's directory room leaves it first: their new device
// cannot read what was sent there before it existed; joining again has the
// authority's bridge send its entries (and name its editors) again.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { homeserverFiles } from '../../../deploy/config/layout.ts';
import type { E2eAccount } from './accounts.ts';
import { en, resetKeys, setUpRecoveryKey, signInToKeys } from './session-pages.ts';

function keyFile(account: E2eAccount): string {
	const localpart = account.userId.slice(1).split(':')[0] ?? '';
	return join(homeserverFiles(account.homeserver.dataDir).dir, 'secrets', 'e2e-recovery-keys', localpart);
}

function keptKey(account: E2eAccount): string | undefined {
	try {
		return readFileSync(keyFile(account), 'utf8').trim() || undefined;
	} catch {
		return undefined;
	}
}

function keepKey(account: E2eAccount, key: string): void {
	const path = keyFile(account);
	mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
	writeFileSync(path, `${key}\n`, { mode: 0o600 });
}

/** Recovers with the kept key on the recovery page; false when the page refuses it (a key of an older federation). */
async function recoverWith(page: Page, key: string): Promise<boolean> {
	await page.getByLabel(en('recover_label')).fill(key.replaceAll(' ', ''));
	await page.getByRole('button', { name: en('recover_submit') }).click();
	const done = page.getByRole('heading', { name: en('recover_done_heading') });
	const refused = page.locator('#recovery-key[aria-invalid="true"]');
	await expect(done.or(refused)).toBeVisible({ timeout: 60_000 });
	if (!(await done.isVisible())) return false;
	await page.getByRole('button', { name: en('keys_continue') }).click();
	await expect(page.getByTestId('device-trust')).toHaveAttribute('data-trust', 'verified');
	return true;
}

/** The roster person signed in on a new device with cross-signing, their identity the same as in earlier runs. */
export async function rosterPersonSignedIn(page: Page, account: E2eAccount): Promise<void> {
	await signInToKeys(page, account);
	const setUp = page.getByRole('heading', { level: 1, name: en('keys_setup_heading') });
	const recover = page.getByRole('heading', { level: 1, name: en('recover_heading') });
	await expect(setUp.or(recover)).toBeVisible();
	if (await setUp.isVisible()) {
		keepKey(account, await setUpRecoveryKey(page));
		return;
	}
	const kept = keptKey(account);
	if (kept !== undefined && (await recoverWith(page, kept))) return;
	// Set up by a run that kept no key: reset once, and keep the new key from now on.
	keepKey(account, await resetKeys(page, account));
}

/** Leaves the network's directory room if an earlier run of this federation left the person in it (see the header). */
export async function leaveDirectoryRoom(account: E2eAccount, network: string, keeperServer: string): Promise<void> {
	const api = `${account.homeserver.clientUrl}/_matrix/client/v3`;
	const headers = { Authorization: `Bearer ${account.accessToken}`, 'Content-Type': 'application/json' };
	const alias = encodeURIComponent(`#rogatory-directory-${network}:${keeperServer}`);
	const found = await fetch(`${api}/directory/room/${alias}`, { headers });
	if (!found.ok) return;
	const { room_id: roomId } = (await found.json()) as { room_id: string };
	await fetch(`${api}/rooms/${encodeURIComponent(roomId)}/leave`, { method: 'POST', headers, body: '{}' });
}
