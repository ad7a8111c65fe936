// The names the network directories give people by their Matrix ID, for
// naming someone who is not a member of the room at hand (the 24/7 points an
// authority's bridge alerted, on the case page). An entry names an account
// only when the account's homeserver is its authority's: an editor writes for
// their own authority, and a name cannot be put on another authority's
// account. The first directory that names someone wins. Pure.
import { serverNameOf } from '#policies/cases/ids/matrix.ts';
import type { DirectoryView } from '#policies/directory/types.ts';
import type { AuthorityId } from '#policies/roster/types.ts';

export function directoryNames(views: readonly DirectoryView[], servers: ReadonlyMap<string, AuthorityId>): Map<string, string> {
	const names = new Map<string, string>();
	for (const view of views)
		for (const { entry } of view.people) {
			const id = entry.matrixId;
			if (id === undefined || names.has(id) || servers.get(serverNameOf(id)) !== entry.authority) continue;
			names.set(id, entry.name);
		}
	return names;
}
