// The secretariat's admission queue (issue 13, "Admission and removal reach
// every server"; docs/roster-updates.md): the people who knocked on the
// network's space, each with the authority the roster maps their server to,
// their reason as plain text capped for display, and whether the roster the
// app runs lets them in yet — the secretariat admits a person only once the
// roster lists their authority as a member or observer of the network
// (publishing the version that adds it comes first). Pure: the SDK side
// (lib/matrix/knocks.ts) hands in the knocks as plain values.
import type { AuthorityId, NetworkId, Roster } from '#policies/roster/types.ts';

export interface Knock {
	readonly userId: string;
	/** The reason the knock carried, as sent (untrusted text). */
	readonly reason?: string | undefined;
}

/** How many characters of a reason the queue shows; the rest is cut with an ellipsis. */
export const REASON_SHOWN = 280;

export type Standing =
	/** The roster lists the authority in the network: the person may be invited. */
	| 'admissible'
	/** An authority of the roster, not (yet) in the network: a version that adds it comes first. */
	| 'not-in-network'
	/** A server no authority of the roster runs. */
	| 'outside-roster';

export interface KnockRow {
	readonly userId: string;
	/** The user ID's server name, lower-cased. */
	readonly server: string;
	readonly authority: AuthorityId | undefined;
	/** The reason, control characters removed, whitespace folded, cut at REASON_SHOWN; '' when none. */
	readonly reason: string;
	readonly standing: Standing;
}

/** The server name of a Matrix user ID (after the first colon), lower-cased; '' when there is none. */
export function serverOf(userId: string): string {
	const colon = userId.indexOf(':');
	return colon < 0 ? '' : userId.slice(colon + 1).toLowerCase();
}

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** A reason as the queue shows it: no control or bidirectional-override characters, whitespace folded, capped. */
export function shownReason(reason: string | undefined, cap = REASON_SHOWN): string {
	if (reason === undefined) return '';
	const clean = reason.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
	const chars = [...clean];
	return chars.length <= cap ? clean : `${chars.slice(0, cap).join('').trimEnd()}…`;
}

/**
 * The queue, in the order given. `servers` maps each server name (as in user
 * IDs, this deployment's) to its authority.
 */
export function knockRows(
	knocks: readonly Knock[],
	roster: Pick<Roster, 'authorities'>,
	network: NetworkId,
	servers: ReadonlyMap<string, AuthorityId>,
): KnockRow[] {
	const byServer = new Map([...servers].map(([server, id]) => [server.toLowerCase(), id] as const));
	return knocks.map((knock) => {
		const server = serverOf(knock.userId);
		const authority = byServer.get(server);
		const entry = authority === undefined ? undefined : roster.authorities.find((a) => a.id === authority);
		const standing: Standing =
			entry === undefined ? 'outside-roster' : entry.memberships.some((m) => m.network === network) ? 'admissible' : 'not-in-network';
		return { userId: knock.userId, server, authority: entry?.id, reason: shownReason(knock.reason), standing };
	});
}
