// Who may edit an authority's entries, as a folded directory says: the UI asks
// it to offer (or not) the edit form to the signed-in person.
import type { AuthorityId } from '../../roster/types.ts';
import type { DirectoryView } from '../types.ts';

/** The editors of `authority` named by the latest counted `editors` event of its bridge; none when it sent none. */
export function editorsOf(view: DirectoryView, authority: AuthorityId): readonly string[] {
	return Object.hasOwn(view.editors, authority) ? (view.editors[authority] ?? []) : [];
}

/** Whether `user` may write `authority`'s entries (its bridge may too, which the UI never signs in as). */
export const isEditorOf = (view: DirectoryView, authority: AuthorityId, user: string): boolean => editorsOf(view, authority).includes(user);
