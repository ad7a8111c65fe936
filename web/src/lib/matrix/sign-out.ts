// Ending the session on the homeserver (POST /logout deletes this device and
// its access token there; POST /logout/all every device of the account), then
// closing the client and deleting its crypto store. Wiping the rest of the
// browser's data is the session layer's job.
import { err, ok, type Result } from '#policies/result.ts';
import { describeFailure, type Failure } from './failure.ts';
import { clientStopping } from './logger.ts';
import type { Credentials } from './login.ts';
import type { MatrixClient } from './sdk.ts';
import { CRYPTO_DB_PREFIX } from './stored-session.ts';

/** Logs out on the homeserver; a token it no longer knows counts as logged out. */
export async function logOut(client: MatrixClient): Promise<Result<void, Failure>> {
	clientStopping();
	try {
		await client.logout(true);
		return ok(undefined);
	} catch (error) {
		const failure = describeFailure(error);
		return failure.kind === 'signed-out-elsewhere' ? ok(undefined) : err(failure);
	} finally {
		client.stopClient();
	}
}

/** Stops the sync loop and the crypto (closing its IndexedDB connections). */
export function stop(client: MatrixClient): void {
	clientStopping();
	client.stopClient();
}

/** Stops the client and deletes its stores. */
export async function closeAndClear(client: MatrixClient): Promise<void> {
	stop(client);
	await client.clearStores({ cryptoDatabasePrefix: CRYPTO_DB_PREFIX });
}

/**
 * Logs out with the stored token alone, for a session whose client could not
 * open (its crypto store was damaged, say): the homeserver still ends it.
 */
export async function logOutWithToken(credentials: Credentials, fetchImpl: typeof fetch = fetch): Promise<Result<void, Failure>> {
	const response = await postLogout(credentials, '/logout', fetchImpl);
	if (response === undefined) return err({ kind: 'unreachable' });
	if (response.ok || response.status === 401) return ok(undefined);
	return err({ kind: 'refused', status: response.status, errcode: undefined, detail: `HTTP ${response.status}` });
}

/**
 * Signs the account out on every device (POST /logout/all): every access
 * token of the user ends, this one too — other browsers, phones, other
 * Matrix apps. The caller stops its client first, so that its sync does not
 * take the coming "unknown token" for a sign-out from elsewhere. NOTE: unlike
 * a plain sign-out, a token the homeserver no longer knows is a failure here:
 * it cannot end the other devices.
 */
export async function logOutEverywhere(credentials: Credentials, fetchImpl: typeof fetch = fetch): Promise<Result<void, Failure>> {
	const response = await postLogout(credentials, '/logout/all', fetchImpl);
	if (response === undefined) return err({ kind: 'unreachable' });
	if (response.ok) return ok(undefined);
	if (response.status === 401) return err({ kind: 'signed-out-elsewhere' });
	if (response.status === 429) return err({ kind: 'rate-limited' });
	return err({ kind: 'refused', status: response.status, errcode: undefined, detail: `HTTP ${response.status}` });
}

/** POSTs to a logout endpoint with the stored token alone; undefined when the homeserver cannot be reached. */
async function postLogout(
	credentials: Credentials,
	path: '/logout' | '/logout/all',
	fetchImpl: typeof fetch,
): Promise<Response | undefined> {
	try {
		return await fetchImpl(`${credentials.homeserverUrl}/_matrix/client/v3${path}`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${credentials.accessToken}`, 'Content-Type': 'application/json' },
			body: '{}',
			cache: 'no-store',
			credentials: 'omit',
			referrerPolicy: 'no-referrer',
		});
	} catch {
		return undefined;
	}
}
