// The web app's homeserver admin token (the site's homeserver.admin_token_file,
// read by its offboarding): an admin account of the authority's homeserver,
// `rogatory-admin`, registered with the registration secret, its password
// kept beside the token (admin-password, 0600, written once), and its token
// written 0600 by an atomic rename. A token that still signs the admin in is
// kept; otherwise the account signs in again on its own device
// (ROGATORY_WEB_ADMIN), which ends that device's previous token. Everything
// goes to the main process's own loopback listener (homeserver-ends.ts).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { err, ok, type Result } from '../../../policies/result.ts';
import { describeError, requestJson } from '../../local/http.ts';
import { ADMIN_LOCALPART } from '../../local/provision.ts';
import { randomSecret } from '../../local/secrets.ts';
import { writeOnce } from '../write-once.ts';
import type { AdminEnds } from './homeserver-ends.ts';
import { registerWithSharedSecret } from './shared-secret.ts';

export const ADMIN_DEVICE = 'ROGATORY_WEB_ADMIN';

export type AdminTokenOutcome = 'kept' | 'registered' | 'signed-in-again';

/** The password file: beside the token, where only the command reads it. */
export const adminPasswordPath = (tokenFile: string): string => join(dirname(tokenFile), 'admin-password');

async function stillAdmin(ends: AdminEnds, token: string, userId: string): Promise<boolean> {
	const whoami = await requestJson('GET', `${ends.adminUrl}/_matrix/client/v3/account/whoami`, { accessToken: token });
	if (!whoami.ok || whoami.value['user_id'] !== userId) return false;
	const self = await requestJson('GET', `${ends.adminUrl}/_synapse/admin/v2/users/${encodeURIComponent(userId)}`, { accessToken: token });
	return self.ok && self.value['admin'] === true;
}

function writeToken(tokenFile: string, token: string): void {
	const next = `${tokenFile}.new`;
	writeFileSync(next, `${token}\n`, { mode: 0o600 });
	renameSync(next, tokenFile);
}

export async function ensureAdminToken(ends: AdminEnds, tokenFile: string): Promise<Result<AdminTokenOutcome, string>> {
	const userId = `@${ADMIN_LOCALPART}:${ends.serverName}`;
	if (existsSync(tokenFile)) {
		const token = readFileSync(tokenFile, 'utf8').trim();
		if (token !== '' && (await stillAdmin(ends, token, userId))) return ok('kept');
	}
	mkdirSync(dirname(tokenFile), { recursive: true, mode: 0o700 });
	const passwordFile = adminPasswordPath(tokenFile);
	const written = writeOnce(passwordFile, () => `${randomSecret()}\n`, 'the admin account’s password');
	if (!written.ok) return written;
	const password = readFileSync(passwordFile, 'utf8').trim();

	const registered = await registerWithSharedSecret(ends, { localpart: ADMIN_LOCALPART, password, admin: true });
	if (!registered.ok) return registered;
	if (registered.value.kind === 'registered') {
		writeToken(tokenFile, registered.value.accessToken);
		return ok('registered');
	}
	const login = await requestJson('POST', `${ends.adminUrl}/_matrix/client/v3/login`, {
		body: { type: 'm.login.password', identifier: { type: 'm.id.user', user: ADMIN_LOCALPART }, password, device_id: ADMIN_DEVICE },
	});
	if (!login.ok)
		return err(
			`${userId} exists but the password in ${passwordFile} does not sign it in (${describeError(login.error)}). ` +
				`Reset it with the admin API as another admin (PUT /_synapse/admin/v2/users/${userId} with a "password"), write it to that file, and run this again.`,
		);
	writeToken(tokenFile, String(login.value['access_token']));
	return ok('signed-in-again');
}
