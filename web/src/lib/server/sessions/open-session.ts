// What POST /api/session does, without the HTTP: verify the browser's Matrix
// token with the user's own homeserver, then create the session, keeping the
// token sealed for re-validation. A device whose sessions an administrator
// ended gets none (its person signs in again, as a new device). Kept apart
// from the route so tests drive it with a real store and an injected whoami.
import { err, ok, type Result } from '#policies/result.ts';
import type { HomeserverView } from '../../deployment/types.ts';
import type { SessionStore, StoredSession } from './store.ts';
import { verifyClaim, type SignInClaim, type VerifyProblem } from './verify.ts';
import type { WhoAmIFunction } from './whoami.ts';

export interface OpenSessionDeps {
	readonly homeservers: readonly HomeserverView[];
	readonly whoami: WhoAmIFunction;
	readonly store: SessionStore;
	readonly secure: boolean;
}

export type OpenProblem =
	| VerifyProblem
	/** An administrator ended this device's sessions. */
	| 'device-ended';

/** Reads `{ userId, accessToken }` from a request body; anything else is malformed. */
export function parseClaim(body: unknown): Result<SignInClaim, 'malformed'> {
	if (typeof body !== 'object' || body === null) return err('malformed');
	const { userId, accessToken } = body as Record<string, unknown>;
	if (typeof userId !== 'string' || typeof accessToken !== 'string') return err('malformed');
	return ok({ userId, accessToken });
}

export async function openSession(
	claim: SignInClaim,
	deps: OpenSessionDeps,
): Promise<Result<{ readonly token: string; readonly session: StoredSession }, OpenProblem>> {
	const verified = await verifyClaim(claim, deps.homeservers, deps.whoami);
	if (!verified.ok) return verified;
	const { userId, deviceId, homeserverId } = verified.value;
	if (deps.store.deviceEnded(userId, deviceId)) return err('device-ended');
	return ok(deps.store.create({ userId, deviceId, homeserverId, secure: deps.secure, matrixToken: claim.accessToken }));
}
