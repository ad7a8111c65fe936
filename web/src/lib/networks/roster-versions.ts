// Which roster each authority of a network says it runs, beside the one this
// web server loaded (issue 13; docs/directory.md, "Roster versions"). The
// statements come from the network's directory fold (each bridge's `editors`
// event); this only compares. A different version is a mismatch, and so is
// the same version with another SHA-256: two files both called version N.
// Pure: no SDK, no DOM.
import type { RosterStatement } from '#policies/directory/types.ts';
import type { Roster } from '#policies/roster/types.ts';

/**
 * - `same`: the same version and SHA-256 as this app's roster;
 * - `other-version`: another version number;
 * - `other-file`: the same version number with another SHA-256;
 * - `not-stated`: its bridge has not said yet (an older bridge, or its
 *   statement is not in what this browser could read).
 */
export type RosterMatch = 'same' | 'other-version' | 'other-file' | 'not-stated';

export interface RosterVersionRow {
	readonly authority: string;
	readonly name: string;
	readonly observer: boolean;
	readonly stated?: RosterStatement;
	readonly match: RosterMatch;
}

/** How a stated roster compares with this app's. */
export function compareRoster(ours: RosterStatement, stated: RosterStatement | undefined): RosterMatch {
	if (stated === undefined) return 'not-stated';
	if (stated.version !== ours.version) return 'other-version';
	return stated.sha256 === ours.sha256 ? 'same' : 'other-file';
}

export const isMismatch = (match: RosterMatch): boolean => match === 'other-version' || match === 'other-file';

/** The network's authorities on Rogatory in roster order, each with the roster it states and how it compares. */
export function rosterVersionRows(
	roster: Roster,
	network: string,
	stated: Readonly<Record<string, { readonly roster: RosterStatement }>>,
	ours: RosterStatement,
): RosterVersionRow[] {
	return roster.authorities.flatMap((a) => {
		const membership = a.memberships.find((m) => m.network === network);
		if (membership === undefined) return [];
		const statement = Object.hasOwn(stated, a.id) ? stated[a.id]?.roster : undefined;
		return [
			{
				authority: a.id,
				name: a.name,
				observer: membership.status === 'observer',
				...(statement === undefined ? {} : { stated: statement }),
				match: compareRoster(ours, statement),
			},
		];
	});
}

/** The first hexadecimal digits of a SHA-256, as `rosterLabel` shows them. */
export const shortHash = (sha256: string): string => sha256.slice(0, 12);
