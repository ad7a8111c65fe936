// Whom an authority administrator may offboard (issue 13,
// docs/offboarding.md): a person of their own authority only — an account on
// that authority's homeserver that the people file lists or the homeserver
// knows — and never themselves (an authority must not lock itself out by a
// slip; another administrator offboards the last one). Pure: the caller says
// what the people file and the homeserver answered.
import { serverNameOf } from '../cases/ids/matrix.ts';
import { err, ok, type Result } from '../result.ts';

export interface OffboardingAdministrator {
	/** The administrator's Matrix ID. */
	readonly userId: string;
	/** Their authority's homeserver name (the roster's). */
	readonly serverName: string;
}

export interface OffboardingTarget {
	/** The Matrix ID to deactivate. */
	readonly userId: string;
	/** The authority's people file lists this person. */
	readonly inPeopleFile: boolean;
	/** The authority's homeserver has this account (deactivated or not). */
	readonly accountExists: boolean;
}

export type OffboardingRefusal = 'self' | 'other-authority' | 'unknown-person';

export function mayOffboard(administrator: OffboardingAdministrator, target: OffboardingTarget): Result<void, OffboardingRefusal> {
	if (!/^@[^:]+:.+$/.test(target.userId) || serverNameOf(target.userId) !== administrator.serverName) return err('other-authority');
	if (target.userId === administrator.userId) return err('self');
	if (!target.inPeopleFile && !target.accountExists) return err('unknown-person');
	return ok(undefined);
}
