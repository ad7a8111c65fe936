// Who may read an authority's register: its central-authority officers and
// its administrators (roles from the roster), and nobody else — not its
// prosecutors, and no one of another authority. Each person reads their own
// authority's register. Pure: the pages and the exports ask the same question.
import type { AuthorityId, Role } from '#policies/roster/types.ts';
import type { SessionUser } from '../sessions/user.ts';

export const REGISTER_READERS: readonly Role[] = ['central-authority-officer', 'authority-administrator'];

export type RegisterAccess =
	/** No server session yet (the browser makes one once its Matrix session opens). */
	| { readonly kind: 'no-session' }
	/** Signed in, but not one of the readers; `authority` names whose register they asked for, if they have one. */
	| { readonly kind: 'refused'; readonly authority: { readonly id: AuthorityId; readonly name: string } | undefined }
	| { readonly kind: 'allowed'; readonly authority: { readonly id: AuthorityId; readonly name: string } };

export function registerAccess(user: SessionUser | undefined): RegisterAccess {
	if (user === undefined) return { kind: 'no-session' };
	const authority = user.authority === undefined ? undefined : { id: user.authority.id, name: user.authority.name };
	if (authority === undefined || !user.roles.some((role) => REGISTER_READERS.includes(role))) return { kind: 'refused', authority };
	return { kind: 'allowed', authority };
}
