// The development-profile overlay: what makes Synapse pleasant for `npm
// start`, tests and benches, and would be wrong in production. It is merged
// over the local config only (local-homeserver.ts); production templates never
// see it, and a unit test checks that none of these keys reach them.

const UNLIMITED = { per_second: 1000, burst_count: 10000 };

export function developmentOverlay(): Record<string, unknown> {
	return {
		// Tests send bursts from a handful of accounts: the defaults (e.g.
		// rc_message 0.2/s) would make them flaky or slow.
		rc_message: UNLIMITED,
		rc_registration: UNLIMITED,
		rc_login: { address: UNLIMITED, account: UNLIMITED, failed_attempts: UNLIMITED },
		rc_joins: { local: UNLIMITED, remote: UNLIMITED },
		rc_joins_per_room: UNLIMITED,
		rc_invites: { per_room: UNLIMITED, per_user: UNLIMITED, per_issuer: UNLIMITED },
		rc_room_creation: UNLIMITED,
		rc_media_create: UNLIMITED,
		rc_key_requests: UNLIMITED,
		rc_presence: { per_user: UNLIMITED },
		rc_profile: UNLIMITED,
		rc_user_directory: UNLIMITED,
		rc_delayed_event_mgmt: UNLIMITED,
		rc_reports: UNLIMITED,
		rc_federation: { window_size: 1000, sleep_limit: 10000, sleep_delay: 0, reject_limit: 100000, concurrent: 100 },
		// Password hashing at the cost of 2^4 instead of 2^12: registering and
		// logging in dozens of test users would otherwise take seconds each.
		bcrypt_rounds: 4,
	};
}

/** The top-level keys the overlay sets: never allowed in a production config. */
export const DEVELOPMENT_ONLY_KEYS: readonly string[] = Object.keys(developmentOverlay());
