// The refusal of a register page: HTTP 403, with whose register it was, so
// the error page can say in the reader's language who may read it.
import { error } from '@sveltejs/kit';
import type { RegisterAccess } from './access.ts';

export const REGISTER_REFUSED = 'register-refused';

export function refuse(access: RegisterAccess & { kind: 'refused' }): never {
	error(403, 'Only the central-authority officers and administrators of an authority may read its register.', {
		reason: REGISTER_REFUSED,
		authority: access.authority?.name,
	});
}
