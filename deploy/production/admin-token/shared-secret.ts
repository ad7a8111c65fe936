// Registering an account of a production homeserver with its registration
// secret (Synapse's shared-secret registration, what register_new_matrix_user
// does), on the main process's own loopback listener: registration is closed
// to everyone else. An account that exists already is said, not an error:
// the caller decides (a restored installation keeps its accounts).
import { readFileSync } from 'node:fs';
import { err, ok, type Result } from '../../../policies/result.ts';
import { describeError, requestJson } from '../../local/http.ts';
import { registrationMac } from '../../local/registration-mac.ts';
import type { AdminEnds } from './homeserver-ends.ts';

export type Registered = { readonly kind: 'registered'; readonly accessToken: string } | { readonly kind: 'exists' };

export async function registerWithSharedSecret(
	ends: AdminEnds,
	account: { readonly localpart: string; readonly password: string; readonly admin: boolean },
): Promise<Result<Registered, string>> {
	let secret: string;
	try {
		secret = readFileSync(ends.sharedSecretPath, 'utf8').trim();
	} catch (thrown) {
		return err(
			`cannot read the registration secret ${ends.sharedSecretPath}: ${(thrown as Error).message} (run this as root or as Synapse's user)`,
		);
	}
	const endpoint = `${ends.adminUrl}/_synapse/admin/v1/register`;
	const nonce = await requestJson('GET', endpoint);
	if (!nonce.ok)
		return err(
			`the homeserver at ${ends.adminUrl} gave no registration nonce: ${describeError(nonce.error)}. Is Synapse's main process running?`,
		);
	const n = String(nonce.value['nonce']);
	const { localpart, password, admin } = account;
	const registered = await requestJson('POST', endpoint, {
		body: { nonce: n, username: localpart, password, admin, mac: registrationMac(secret, n, localpart, password, admin) },
	});
	if (registered.ok) return ok({ kind: 'registered', accessToken: String(registered.value['access_token']) });
	if (registered.error.errcode === 'M_USER_IN_USE') return ok({ kind: 'exists' });
	return err(`@${localpart}:${ends.serverName} could not be registered: ${describeError(registered.error)}`);
}
