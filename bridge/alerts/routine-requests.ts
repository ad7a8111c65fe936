// What the batched mails count (issue 16): the routine requests the
// authority was asked, opened since `since`, still open (alert-rooms.ts) and
// acknowledged by nobody of its side — each one's record folded for its
// acknowledgements (as urgent-rooms.ts does for the urgent ones, which
// escalate instead).
import { ok, type Result } from '../../policies/result.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import type { Register, RegisterError } from '../register/index.ts';
import { alertRooms } from './alert-rooms.ts';

export interface RoutineRequest {
	readonly room: string;
	readonly openedAt: number;
}

export function routineRequests(
	register: Pick<Register, 'file' | 'db' | 'record'>,
	own: AuthorityId,
	since: number,
): Result<RoutineRequest[], RegisterError> {
	const rooms = alertRooms(register, own, { side: 'requested', urgencies: ['routine'], openedSince: since, what: 'the routine requests' });
	if (!rooms.ok) return rooms;
	const requests: RoutineRequest[] = [];
	for (const { room } of rooms.value) {
		const record = register.record(room);
		if (!record.ok) return record;
		if (record.value.opened && record.value.acknowledgements.length === 0) requests.push({ room, openedAt: record.value.openedBy.at });
	}
	return ok(requests);
}
