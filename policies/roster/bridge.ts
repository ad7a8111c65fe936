// Each authority's bridge bot has one well-known account on the authority's
// own homeserver, so that whoever opens a case room can invite both parties'
// bridges without a directory look-up.
export const BRIDGE_LOCALPART = 'rogatory-bridge';

/** The bridge bot's Matrix ID on a homeserver (server name as in user IDs, port included). */
export function bridgeUserId(serverName: string): string {
	return `@${BRIDGE_LOCALPART}:${serverName}`;
}
