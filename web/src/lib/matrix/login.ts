// Password login (POST /_matrix/client/v3/login) with plain fetch, so the
// sign-in page needs none of the SDK until the person is in. The homeserver's
// refusals come back as values the page can explain in the reader's language.
import { err, ok, type Result } from '#policies/result.ts';
import type { UserId } from '#policies/cases/index.ts';

export interface Credentials {
	readonly homeserverUrl: string;
	/** As the homeserver spells it (it may differ in case from what was typed). */
	readonly userId: UserId;
	readonly deviceId: string;
	readonly accessToken: string;
}

export type LoginProblem =
	/** No answer: the address is wrong, the server is down, or the link dropped. */
	| { readonly kind: 'unreachable' }
	/** Something answered, but not as a Matrix homeserver. */
	| { readonly kind: 'not-a-homeserver' }
	/**
	 * M_FORBIDDEN. NOTE: Synapse answers "Invalid username or password" alike for
	 * an unknown user and a wrong password, so nobody can probe who has an account.
	 */
	| { readonly kind: 'credentials-rejected' }
	| { readonly kind: 'deactivated' }
	| { readonly kind: 'rate-limited'; readonly retryAfterSeconds: number | undefined }
	/** The homeserver does not offer password login (single sign-on only, say). */
	| { readonly kind: 'password-unsupported' }
	/** The homeserver signed in someone else: the address belongs to another server. */
	| { readonly kind: 'other-user'; readonly userId: string }
	| { readonly kind: 'server-error'; readonly status: number; readonly errcode: string | undefined };

export const LOGIN_TIMEOUT_MS = 30_000;

export function loginUrl(homeserverUrl: string): string {
	return `${homeserverUrl.replace(/\/+$/, '')}/_matrix/client/v3/login`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** What a refused login means, from the HTTP status and the JSON body (if any). */
export function loginProblemFrom(status: number, body: unknown, retryAfterHeader: string | null = null): LoginProblem {
	const errcode = isRecord(body) && typeof body['errcode'] === 'string' ? body['errcode'] : undefined;
	if (errcode === undefined && (status === 404 || status === 405 || !isRecord(body))) return { kind: 'not-a-homeserver' };
	switch (errcode) {
		case 'M_FORBIDDEN':
			return { kind: 'credentials-rejected' };
		case 'M_USER_DEACTIVATED':
			return { kind: 'deactivated' };
		case 'M_LIMIT_EXCEEDED': {
			const ms = isRecord(body) && typeof body['retry_after_ms'] === 'number' ? body['retry_after_ms'] : undefined;
			const header = retryAfterHeader !== null && /^\d+$/.test(retryAfterHeader) ? Number(retryAfterHeader) : undefined;
			return { kind: 'rate-limited', retryAfterSeconds: ms !== undefined ? Math.ceil(ms / 1000) : header };
		}
		case 'M_UNKNOWN':
		case 'M_UNRECOGNIZED':
			// Synapse: 400 M_UNKNOWN "Unknown login type" when password login is off.
			if (status === 400 || status === 404) return { kind: 'password-unsupported' };
	}
	return { kind: 'server-error', status, errcode };
}

/** Reads a successful /login body; a body without the fields means the server is not speaking Matrix. */
export function credentialsFrom(homeserverUrl: string, expected: UserId, body: unknown): Result<Credentials, LoginProblem> {
	if (!isRecord(body)) return err({ kind: 'not-a-homeserver' });
	const { user_id: userId, device_id: deviceId, access_token: accessToken } = body;
	if (typeof userId !== 'string' || typeof deviceId !== 'string' || typeof accessToken !== 'string')
		return err({ kind: 'not-a-homeserver' });
	// NOTE: Synapse lower-cases the localpart it was given; anything else is another account.
	if (userId.toLowerCase() !== expected.toLowerCase()) return err({ kind: 'other-user', userId });
	return ok({ homeserverUrl: homeserverUrl.replace(/\/+$/, ''), userId: userId as UserId, deviceId, accessToken });
}

export interface PasswordLogin {
	readonly homeserverUrl: string;
	readonly userId: UserId;
	readonly password: string;
	/** Shown in the account's session list, e.g. "Rogatory (web)". */
	readonly deviceName: string;
}

export async function loginWithPassword(login: PasswordLogin, fetchImpl: typeof fetch = fetch): Promise<Result<Credentials, LoginProblem>> {
	let response: Response;
	try {
		response = await fetchImpl(loginUrl(login.homeserverUrl), {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				type: 'm.login.password',
				identifier: { type: 'm.id.user', user: login.userId },
				password: login.password,
				initial_device_display_name: login.deviceName,
			}),
			cache: 'no-store',
			credentials: 'omit',
			referrerPolicy: 'no-referrer',
			signal: AbortSignal.timeout(LOGIN_TIMEOUT_MS),
		});
	} catch {
		return err({ kind: 'unreachable' });
	}
	let body: unknown;
	try {
		body = await response.json();
	} catch {
		body = undefined;
	}
	if (!response.ok) return err(loginProblemFrom(response.status, body, response.headers.get('Retry-After')));
	return credentialsFrom(login.homeserverUrl, login.userId, body);
}
