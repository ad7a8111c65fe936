// How soon a homeserver tries a peer again after failing to reach it. Synapse's
// defaults (10 minutes, doubling, up to a week) suit an open federation of
// countless servers; a Rogatory homeserver has a handful of known peers, and a
// member back from an outage must be reached again within a minute, not hours
// later (docs/decisions.md, "Federation retries"). The tests' federation
// retries faster still: its tests stop homeservers on purpose and expect them
// back within seconds.
export interface FederationRetries {
	/** The first wait after a failure (a Synapse duration). */
	readonly min: string;
	readonly multiplier: number;
	/** The longest wait, however long the peer has been down. */
	readonly max: string;
}

/** Every production homeserver's: 5 s, 10 s, 20 s, 40 s, then every minute. */
export const CLOSED_FEDERATION_RETRIES: FederationRetries = { min: '5s', multiplier: 2, max: '1m' };

/** The local federations' (start, test, bench): 1 s, doubling, at most 15 s. */
export const LOCAL_FEDERATION_RETRIES: FederationRetries = { min: '1s', multiplier: 2, max: '15s' };

export function federationRetrySettings(retries: FederationRetries): Record<string, unknown> {
	return {
		federation: {
			destination_min_retry_interval: retries.min,
			destination_retry_multiplier: retries.multiplier,
			destination_max_retry_interval: retries.max,
		},
	};
}
