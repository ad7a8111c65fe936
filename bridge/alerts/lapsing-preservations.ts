// The lapsing preservations the bridge escalates (issue 16): in the open
// cases its authority requested (alert-rooms.ts) with preservation events,
// each preservation folded (policies/preservation/record, from the events the
// reminders keep) and alerted 48 hours before it lapses
// (policies/alerts/subjects.ts: the side that asked must act before the
// lapse — the follow-up MLA request or a renewed request).
// Acknowledged: a person of the authority said "I have it" for this alert
// (policies/alerts/alert-ack.ts: the web app sends it when they open the case
// while the alert's steps show there, or press the button; ack-intake.ts) at
// or after it was raised; or one of them answered one of the bridge's
// reminders of this preservation and expiry in the case room after the alert
// was raised (bridge/reminders: a message of a person the reminder mentioned
// acknowledges it, register/schedule.ts). A case `acknowledged` event does
// not serve: the case fold accepts it from the requested side only, and
// keeps each person's first one only (docs/decisions.md). Acting on the
// preservation ends the alert anyway: a follow-up ends it, an extension moves
// the expiry (a new alert).
import { and, eq, gte, sql } from 'drizzle-orm';
import { lapsingPreservationAlert } from '../../policies/alerts/index.ts';
import type { RoomId } from '../../policies/cases/index.ts';
import { foldPreservations } from '../../policies/preservation/record/index.ts';
import { err, ok, type Result } from '../../policies/result.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { registerSchema, type Register, type RegisterError } from '../register/index.ts';
import { registerError } from '../register/sqlite-errors.ts';
import { alertRooms } from './alert-rooms.ts';
import type { Subject } from './urgent-rooms.ts';

/** Whether a reminder of the preservation's expiry was acknowledged at or after `since`. */
function reminderAcknowledged(
	register: Pick<Register, 'file' | 'db'>,
	preservation: string,
	expires: number,
	since: number,
): Result<boolean, RegisterError> {
	const { reminders } = registerSchema;
	try {
		const row = register.db
			.select({ one: sql<number>`1` })
			.from(reminders)
			.where(
				and(
					eq(reminders.preservation, preservation),
					eq(reminders.expires, expires),
					eq(reminders.kind, 'reminder'),
					gte(reminders.acknowledgedAt, since),
				),
			)
			.limit(1)
			.all();
		return ok(row.length > 0);
	} catch (thrown) {
		return err(registerError(register.file, 'read the reminders’ acknowledgements', thrown));
	}
}

/** Whether a person of the authority acknowledged the alert at or after `since` (alert_acks). */
function ackedAlert(register: Pick<Register, 'file' | 'db'>, alertId: string, since: number): Result<boolean, RegisterError> {
	const { alertAcks } = registerSchema;
	try {
		const row = register.db
			.select({ one: sql<number>`1` })
			.from(alertAcks)
			.where(and(eq(alertAcks.alertId, alertId), gte(alertAcks.at, since)))
			.limit(1)
			.all();
		return ok(row.length > 0);
	} catch (thrown) {
		return err(registerError(register.file, 'read the acknowledgements of alerts', thrown));
	}
}

/** The lapse alerts due at `now` in the cases `own` requested, each with whether it was acknowledged. */
export function lapsingSubjects(
	register: Pick<Register, 'file' | 'db' | 'schedule'>,
	own: AuthorityId,
	servers: ReadonlyMap<string, AuthorityId>,
	now: number,
): Result<Subject[], RegisterError> {
	const rooms = alertRooms(register, own, { side: 'requesting', withPreservations: true, what: 'the cases with preservations' });
	if (!rooms.ok) return rooms;
	const subjects: Subject[] = [];
	// NOTE: the parties from the register's `cases` row, not a fold of the case per room and pass.
	for (const { room, requesting, requested } of rooms.value) {
		const events = register.schedule.kept(room);
		if (!events.ok) return events;
		const parties = { requesting, requested };
		const fold = foldPreservations(events.value, { room: room as RoomId, parties, servers });
		for (const preservation of fold.records) {
			const alert = lapsingPreservationAlert(preservation, parties, own, now);
			if (alert === undefined || preservation.deadline === undefined) continue;
			const acked = ackedAlert(register, alert.id, alert.raisedAt);
			if (!acked.ok) return acked;
			const answered = acked.value
				? acked
				: reminderAcknowledged(register, preservation.id, preservation.deadline.expiresAt, alert.raisedAt);
			if (!answered.ok) return answered;
			subjects.push({ alert, acknowledged: answered.value });
		}
	}
	return ok(subjects);
}
