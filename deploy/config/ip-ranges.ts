// Outbound IP ranges for local homeservers.
// NOTE: `ip_range_whitelist: [127.0.0.0/8]` alone is not enough when server
// names are IP literals: Synapse 1.163's federation client wraps its agent in
// a second IP check for literal hosts (MatrixFederationHttpClient,
// BlocklistingAgentWrapper) that is given the blocklist but not the allow
// list, so every request to 127.0.20.x:28448 fails with "403: IP address
// blocked". Local configs therefore replace the blocklist with Synapse's
// default minus loopback. Production keeps Synapse's default untouched.

/** Synapse's default `ip_range_blacklist` (synapse/config/server.py): special-purpose IANA ranges. */
export const SYNAPSE_DEFAULT_BLOCKLIST: readonly string[] = [
	'127.0.0.0/8',
	'10.0.0.0/8',
	'172.16.0.0/12',
	'192.168.0.0/16',
	'100.64.0.0/10',
	'192.0.0.0/24',
	'169.254.0.0/16',
	'192.88.99.0/24',
	'198.18.0.0/15',
	'192.0.2.0/24',
	'198.51.100.0/24',
	'203.0.113.0/24',
	'224.0.0.0/4',
	'::1/128',
	'fe80::/10',
	'fc00::/7',
	'2001:db8::/32',
	'ff00::/8',
	'fec0::/10',
];

export const LOOPBACK_V4 = '127.0.0.0/8';

/** Everything Synapse blocks by default except IPv4 loopback, where the local homeservers live. */
export const LOCAL_BLOCKLIST: readonly string[] = SYNAPSE_DEFAULT_BLOCKLIST.filter((range) => range !== LOOPBACK_V4);
