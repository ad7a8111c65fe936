// The alert subjects the bridge escalates (issue 16): the urgent or immediate
// requests its authority was asked, still open, read from the register's
// derived `cases` table (so a pass does not fold every room), then each one's
// record folded for its opening time and acknowledgements.
// NOTE: lapsing preservations (policies/alerts lapsingPreservationAlert) are
// not escalated yet.
import { and, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { urgentRequestAlert, type AlertSubject } from '../../policies/alerts/index.ts';
import { err, ok, type Result } from '../../policies/result.ts';
import { registerError } from '../register/sqlite-errors.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { registerSchema, type Register, type RegisterError } from '../register/index.ts';

export interface Subject {
	readonly alert: AlertSubject;
	/** Someone of the requested side acknowledged it (opened the case, or "I have it"). */
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
	const { cases, escalationSteps } = registerSchema;
	let rooms: string[];
	try {
		rooms = register.db
			.select({ room: cases.roomId })
			.from(cases)
			.where(
				and(
					eq(cases.opened, true),
					eq(cases.requested, own),
					inArray(cases.urgency, ['urgent', 'immediate']),
					or(isNull(cases.terminal), eq(cases.terminal, false)),
					or(gte(cases.openedAt, since), sql`EXISTS (SELECT 1 FROM ${escalationSteps} WHERE ${escalationSteps.roomId} = ${cases.roomId})`),
				),
			)
			.all()
			.map((r) => r.room);
	} catch (thrown) {
		return err(registerError(register.file, 'read the urgent requests', thrown));
	}
	const subjects: Subject[] = [];
	for (const room of rooms) {
		const record = register.record(room);
		if (!record.ok) return record;
		if (!record.value.opened) continue;
		const alert = urgentRequestAlert(record.value, own);
		if (alert !== undefined) subjects.push({ alert, acknowledged: record.value.acknowledgements.length > 0 });
	}
	return ok(subjects);
}
