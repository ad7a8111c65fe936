// Who edits an authority's directory entries (docs/directory.md, "Who may
// write about an authority"): the people of its people file with the role
// focal-point, focal-point-24-7 or authority-administrator. The authority's
// bridge publishes them as an `editors` event. Pure.
import type { AuthorityId, Person, Role } from '../../roster/types.ts';

export const EDITOR_ROLES: readonly Role[] = ['focal-point', 'focal-point-24-7', 'authority-administrator'];

/** The localparts of the authority's editors, lower case, once each, sorted (so equal lists compare equal). */
export function directoryEditors(people: readonly Person[], authority: AuthorityId): string[] {
	const editors = people
		.filter((p) => p.authority === authority && p.roles.some((role) => EDITOR_ROLES.includes(role)))
		.map((p) => p.localpart.toLowerCase());
	return [...new Set(editors)].sort();
}
