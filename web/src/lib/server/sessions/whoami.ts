// Asks a homeserver whose an access token is (GET /_matrix/client/v3/account/whoami).
// The URL is always the deployment's own address for the user's server,
// never one the browser supplies. Refusals and failures are values.
import { err, ok, type Result } from '#policies/result.ts';

export interface WhoAmI {
	readonly userId: string;
	readonly deviceId: string | undefined;
}

export type WhoAmIProblem =
	/** 401/403: the homeserver does not accept the token (unknown, logged out, soft-logged-out). */
	| 'rejected'
	/** No answer, or an answer that is not Matrix. */
	| 'unreachable';

export type WhoAmIFunction = (clientUrl: string, accessToken: string) => Promise<Result<WhoAmI, WhoAmIProblem>>;

export const WHOAMI_TIMEOUT_MS = 10_000;

export async function matrixWhoAmI(
	clientUrl: string,
	accessToken: string,
	fetchImpl: typeof fetch = fetch,
): Promise<Result<WhoAmI, WhoAmIProblem>> {
	let response: Response;
	try {
		response = await fetchImpl(`${clientUrl.replace(/\/+$/, '')}/_matrix/client/v3/account/whoami`, {
			headers: { Authorization: `Bearer ${accessToken}` },
			signal: AbortSignal.timeout(WHOAMI_TIMEOUT_MS),
			redirect: 'error',
		});
	} catch {
		return err('unreachable');
	}
	if (response.status === 401 || response.status === 403) return err('rejected');
	if (!response.ok) return err('unreachable');
	let body: unknown;
	try {
		body = await response.json();
	} catch {
		return err('unreachable');
	}
	if (typeof body !== 'object' || body === null) return err('unreachable');
	const { user_id: userId, device_id: deviceId } = body as Record<string, unknown>;
	if (typeof userId !== 'string') return err('unreachable');
	return ok({ userId, deviceId: typeof deviceId === 'string' ? deviceId : undefined });
}
