// Settings every Rogatory homeserver carries, local or production: a closed
// federation that phones nobody, and a server that keeps what it learns about
// people to itself and for as short a time as it can. Shared so production
// cannot drift from what the tests exercise (tests/security/homeserver-privacy.test.ts).
import { MAX_ATTACHMENT_BYTES } from '../../policies/attachments/limits.ts';
import { CLOSED_FEDERATION_RETRIES, federationRetrySettings, type FederationRetries } from './federation-retries.ts';

export interface ClosedFederationOptions {
	/** Server names it federates with; undefined = open federation (only the local outsider). */
	readonly federationWhitelist: readonly string[] | undefined;
	/** How soon an unreachable peer is tried again (federation-retries.ts); the production one when left out. */
	readonly retries?: FederationRetries;
}

export function closedFederationSettings(options: ClosedFederationOptions): Record<string, unknown> {
	return {
		...(options.federationWhitelist === undefined ? {} : { federation_domain_whitelist: [...options.federationWhitelist] }),
		federation_verify_certificates: true,
		federation_client_minimum_tls_version: '1.2',
		// Keys are fetched from each origin server itself, never via matrix.org.
		trusted_key_servers: [],
		report_stats: false,
		url_preview_enabled: false,
		enable_registration: false,
		allow_public_rooms_over_federation: false,
		allow_public_rooms_without_auth: false,
		require_auth_for_profile_requests: true,
		allow_device_name_lookup_over_federation: false,
		...federationRetrySettings(options.retries ?? CLOSED_FEDERATION_RETRIES),
	};
}

/**
 * How long a homeserver keeps the IP addresses and user agents of each
 * access token (the `user_ips` table; each device's last address stays on the
 * device). Long enough to look into a device its owner does not recognise
 * after two weeks away; Synapse's default is 28 days. docs/decisions.md.
 */
export const USER_IPS_MAX_AGE = '14d';

/**
 * How long the original of a redacted event is kept before Synapse prunes it
 * (default 7 days, for moderators to review abuse reports). The networks have
 * no public moderation to do; a day lets an administrator look at a report
 * made the same day. docs/decisions.md.
 */
export const REDACTION_RETENTION_PERIOD = '1d';

/**
 * What a member homeserver tells about its people, and keeps: profiles only
 * to those who share a room with them (Synapse requires
 * require_auth_for_profile_requests alongside, set above), no profile copied
 * into invitations (an inviter who shares no room would otherwise learn the
 * invitee's name), no presence (who is online when is itself sensitive for
 * prosecutors), every new room encrypted whatever the client asks, rooms
 * forgotten on leave (a departed or removed member cannot page back through
 * a case room's history), short retention of IP addresses and redacted
 * originals, and uploads no larger than the web client accepts.
 */
export function personalDataSettings(): Record<string, unknown> {
	return {
		limit_profile_requests_to_users_who_share_rooms: true,
		include_profile_data_on_invite: false,
		presence: { enabled: false },
		encryption_enabled_by_default_for_room_type: 'all',
		forget_rooms_on_leave: true,
		user_ips_max_age: USER_IPS_MAX_AGE,
		redaction_retention_period: REDACTION_RETENTION_PERIOD,
		max_upload_size: MAX_ATTACHMENT_BYTES,
	};
}

/** The top-level keys personalDataSettings sets (tests check each one reaches every generated config). */
export const PERSONAL_DATA_KEYS: readonly string[] = Object.keys(personalDataSettings());
