// The few Synapse admin API calls the project needs, made with a homeserver's
// admin account (provision.ts): lifting a user's rate limits, and clearing
// the federation back-off towards a destination after a fault test.
import { err, ok, type Result } from '../../policies/result.ts';
import { describeError, requestJson } from './http.ts';
import type { Account } from './provision.ts';

/** POST /_synapse/admin/v1/users/<user>/override_ratelimit with 0/0 = no limits for that user. */
export async function removeRateLimits(admin: Account, userId: string): Promise<Result<void, string>> {
	const url = `${admin.homeserver.clientUrl}/_synapse/admin/v1/users/${encodeURIComponent(userId)}/override_ratelimit`;
	const outcome = await requestJson('POST', url, { accessToken: admin.accessToken, body: { messages_per_second: 0, burst_count: 0 } });
	return outcome.ok ? ok(undefined) : err(`could not lift the rate limits of ${userId}: ${describeError(outcome.error)}`);
}

/** Forgets the retry back-off towards `destination` (a server name) so federation resumes at once. */
export async function resetFederationConnection(admin: Account, destination: string): Promise<Result<void, string>> {
	const url = `${admin.homeserver.clientUrl}/_synapse/admin/v1/federation/destinations/${encodeURIComponent(destination)}/reset_connection`;
	const outcome = await requestJson('POST', url, { accessToken: admin.accessToken, body: {} });
	// NOTE: Synapse answers 404 for a destination it never contacted and 400
	// for one not in back-off: either way there is nothing to reset.
	if (!outcome.ok && outcome.error.status !== 404 && outcome.error.status !== 400) {
		return err(`could not reset federation from ${admin.homeserver.id} to ${destination}: ${describeError(outcome.error)}`);
	}
	return ok(undefined);
}
