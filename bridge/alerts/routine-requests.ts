// What the batched mails count (issue 16): the routine requests the
// authority was asked, opened since `since`, still open and acknowledged by
// nobody of its side — read from the register's derived `cases` table, then
// each one's record folded for its acknowledgements (as urgent-rooms.ts does
// for the urgent ones, which escalate instead).
import { and, eq, gte, isNull, or } from 'drizzle-orm';
import { err, ok, type Result } from '../../policies/result.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { registerSchema, type Register, type RegisterError } from '../register/index.ts';
import { registerError } from '../register/sqlite-errors.ts';

export interface RoutineRequest {
	readonly room: string;
	readonly openedAt: number;
}

export function routineRequests(
	register: Pick<Register, 'file' | 'db' | 'record'>,
	own: AuthorityId,
	since: number,
): Result<RoutineRequest[], RegisterError> {
	const { cases } = registerSchema;
	let rooms: string[];
	try {
		rooms = register.db
			.select({ room: cases.roomId })
			.from(cases)
			.where(
				and(
					eq(cases.opened, true),
					eq(cases.requested, own),
					eq(cases.urgency, 'routine'),
					or(isNull(cases.terminal), eq(cases.terminal, false)),
					gte(cases.openedAt, since),
				),
			)
			.all()
			.map((r) => r.room);
	} catch (thrown) {
		return err(registerError(register.file, 'read the routine requests', thrown));
	}
	const requests: RoutineRequest[] = [];
	for (const room of rooms) {
		const record = register.record(room);
		if (!record.ok) return record;
		if (record.value.opened && record.value.acknowledgements.length === 0) requests.push({ room, openedAt: record.value.openedBy.at });
	}
	return ok(requests);
}
