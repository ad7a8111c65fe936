// Where another person stands in this user's web of trust (ARCHITECTURE.md
// decision 5; issue 12): verified, not verified, or their identity changed
// since this browser saw or verified it (new cross-signing keys: a reset, or
// someone in between). Read from the Rust crypto and decided by a pure
// function; kept current by the crypto's UserTrustStatusChanged.
import { CryptoEvent, type MatrixClient, type UserVerificationStatus } from './sdk.ts';

export type UserTrust =
	| 'verified'
	/** Known, not verified (trusted on first use). */
	| 'unverified'
	/** Their identity changed since it was pinned or verified: warn until re-verified or accepted. */
	| 'changed'
	/** This browser has no record of their keys (no shared encrypted room yet). */
	| 'unknown';

export interface UserTrustFacts {
	readonly known: boolean;
	readonly verified: boolean;
	readonly wasVerified: boolean;
	readonly needsApproval: boolean;
}

export function decideUserTrust(facts: UserTrustFacts): UserTrust {
	if (facts.verified) return 'verified';
	if (facts.needsApproval || facts.wasVerified) return 'changed';
	return facts.known ? 'unverified' : 'unknown';
}

export function factsOf(status: UserVerificationStatus): UserTrustFacts {
	return {
		known: status.known,
		verified: status.isCrossSigningVerified(),
		wasVerified: status.wasCrossSigningVerified(),
		needsApproval: status.needsUserApproval,
	};
}

export async function readUserTrust(client: MatrixClient, userId: string): Promise<UserTrust> {
	const crypto = client.getCrypto();
	if (crypto === undefined) return 'unknown';
	return decideUserTrust(factsOf(await crypto.getUserVerificationStatus(userId)));
}

/** Calls `onChange` with each person whose trust may have changed. Returns the unsubscribe function. */
export function watchUserTrust(client: MatrixClient, onChange: (userId: string) => void): () => void {
	const listener = (userId: string): void => onChange(userId);
	client.on(CryptoEvent.UserTrustStatusChanged, listener);
	return () => client.off(CryptoEvent.UserTrustStatusChanged, listener);
}

export { approveIdentity as acceptNewIdentity } from './arrival.ts';
