// Settings every Rogatory homeserver carries, local or production: a closed
// federation that phones nobody. Shared so production cannot drift from
// what the tests exercise.

export interface ClosedFederationOptions {
	/** Server names it federates with; undefined = open federation (only the local outsider). */
	readonly federationWhitelist: readonly string[] | undefined;
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
	};
}
