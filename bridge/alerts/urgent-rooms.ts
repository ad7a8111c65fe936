// The urgent requests the bridge escalates (issue 16): the urgent or
// immediate requests its authority was asked, still open (alert-rooms.ts),
// then each one's record folded for its opening time and acknowledgements.
// The lapsing preservations it escalates are lapsing-preservations.ts's.
import { urgentRequestAlert, type AlertSubject } from '../../policies/alerts/index.ts';
import { ok, type Result } from '../../policies/result.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import type { Register, RegisterError } from '../register/index.ts';
import { alertRooms } from './alert-rooms.ts';

export interface Subject {
	readonly alert: AlertSubject;
	/** Someone of the side that must act acknowledged it (for a request: opened the case, or "I have it"). */
	readonly acknowledged: boolean;
}

/**
 * The subjects: requests opened since `since`, or with a step already taken
 * (so an escalation under way goes on), each folded — older ones are not
 * folded at every pass.
 */
export function urgentSubjects(
	register: Pick<Register, 'file' | 'db' | 'record'>,
	own: AuthorityId,
	since: number,
): Result<Subject[], RegisterError> {
	const rooms = alertRooms(register, own, {
		side: 'requested',
		urgencies: ['urgent', 'immediate'],
		openedSince: since,
		orEscalated: true,
		what: 'the urgent requests',
	});
	if (!rooms.ok) return rooms;
	const subjects: Subject[] = [];
	for (const { room } of rooms.value) {
		const record = register.record(room);
		if (!record.ok) return record;
		if (!record.value.opened) continue;
		const alert = urgentRequestAlert(record.value, own);
		if (alert !== undefined) subjects.push({ alert, acknowledged: record.value.acknowledgements.length > 0 });
	}
	return ok(subjects);
}
