// Decides whether a browser may have a server session: the Matrix user ID it
// claims must belong to one of this deployment's homeservers, and that
// homeserver (at the address the federation file gives, never one from the
// browser) must confirm that the access token is that user's. Only the
// user's own homeserver ever sees the token.
import { err, ok, type Result } from '#policies/result.ts';
import type { HomeserverView } from '../../deployment/types.ts';
import { parseUserIdInput } from '../../matrix/matrix-id.ts';
import type { WhoAmIFunction } from './whoami.ts';

export interface SignInClaim {
	readonly userId: string;
	readonly accessToken: string;
}

export interface VerifiedUser {
	readonly userId: string;
	readonly deviceId: string | undefined;
	/** The deployment's id of the user's homeserver (an authority id for members). */
	readonly homeserverId: string;
}

export type VerifyProblem =
	/** Not a Matrix user ID, or an empty token. */
	| 'malformed'
	/** The user's server is not one of this deployment's homeservers. */
	| 'foreign-server'
	/** The homeserver does not accept the token, or says it is someone else's. */
	| 'rejected'
	/** The homeserver could not be asked. */
	| 'unreachable';

/** Server names compare case-insensitively in their host part (DNS). */
const sameServer = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function homeserverFor(serverName: string, homeservers: readonly HomeserverView[]): HomeserverView | undefined {
	return homeservers.find((hs) => sameServer(hs.serverName, serverName));
}

export async function verifyClaim(
	claim: SignInClaim,
	homeservers: readonly HomeserverView[],
	whoami: WhoAmIFunction,
): Promise<Result<VerifiedUser, VerifyProblem>> {
	if (!claim.userId.startsWith('@') || claim.accessToken === '') return err('malformed');
	const parsed = parseUserIdInput(claim.userId);
	if (!parsed.ok) return err('malformed');
	const homeserver = homeserverFor(parsed.value.serverName, homeservers);
	if (homeserver === undefined) return err('foreign-server');
	const answer = await whoami(homeserver.clientUrl, claim.accessToken);
	if (!answer.ok) return err(answer.error);
	// NOTE: the token is someone else's when the homeserver names another user;
	// the browser's claim only chose which homeserver to ask.
	if (answer.value.userId !== claim.userId) return err('rejected');
	return ok({ userId: answer.value.userId, deviceId: answer.value.deviceId, homeserverId: homeserver.id });
}
