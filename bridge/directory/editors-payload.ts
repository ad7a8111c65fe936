// The bridge's `editors` event (docs/directory.md, "Who may write about an
// authority" and "Roster versions"): its authority's editors and the roster
// the bridge loaded at its start. Sent again, with a new `updated` stamp,
// whenever either differs from what was last sent — a people file changed, or
// the bridge was started again on another roster version. Pure.
import type { RosterStatement } from '../../policies/directory/index.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import type { EditorsPayload } from './state-file.ts';

/** What the bridge states now. */
export interface EditorsNow {
	readonly editors: readonly string[];
	readonly roster: RosterStatement | undefined;
}

/** Whether `payload` (last sent, or being sent) says what the bridge states now. */
export function sameEditors(payload: EditorsPayload | undefined, now: EditorsNow): boolean {
	if (payload === undefined) return false;
	const sameRoster = payload.roster?.version === now.roster?.version && payload.roster?.sha256 === now.roster?.sha256;
	return sameRoster && JSON.stringify(payload.editors) === JSON.stringify(now.editors);
}

export function editorsPayload(authority: AuthorityId, now: EditorsNow, updated: EditorsPayload['updated']): EditorsPayload {
	return {
		type: 'editors',
		authority,
		editors: now.editors,
		...(now.roster === undefined ? {} : { roster: { version: now.roster.version, sha256: now.roster.sha256 } }),
		updated,
	};
}
