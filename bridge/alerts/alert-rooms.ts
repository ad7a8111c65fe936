// Which case rooms the alerts look at (issue 16), read from the register's
// derived `cases` table so a pass does not fold every room: opened, still
// open (not terminal), where the bridge's authority is on the given side —
// narrowed by urgency, by opening time (or an escalation already under way,
// so it goes on), or to rooms with preservation events. One query for the
// urgent requests (urgent-rooms.ts), the routine ones (routine-requests.ts)
// and the lapsing preservations (lapsing-preservations.ts).
import { and, eq, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { err, ok, type Result } from '../../policies/result.ts';
import type { Urgency } from '../../policies/cases/index.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { registerSchema, type Register, type RegisterError } from '../register/index.ts';
import { registerError } from '../register/sqlite-errors.ts';

export interface AlertRoomQuery {
	/** The side the bridge's authority is on: asked (`requested`) or asking (`requesting`). */
	readonly side: 'requested' | 'requesting';
	/** Only these urgencies; any when left out. */
	readonly urgencies?: readonly Urgency[];
	/** Only cases opened at or after this instant (ms)… */
	readonly openedSince?: number;
	/** …or, with `openedSince`, one with an escalation step already recorded. */
	readonly orEscalated?: boolean;
	/** Only rooms with kept preservation events (register/schedule.ts). */
	readonly withPreservations?: boolean;
	/** For the error: what was read ("the urgent requests"). */
	readonly what: string;
}

/** A room found, with the case's parties as the register's fold left them. */
export interface AlertRoom {
	readonly room: string;
	readonly requesting: AuthorityId;
	readonly requested: AuthorityId;
}

export function alertRooms(
	register: Pick<Register, 'file' | 'db'>,
	own: AuthorityId,
	query: AlertRoomQuery,
): Result<AlertRoom[], RegisterError> {
	const { cases, escalationSteps, preservationEvents } = registerSchema;
	const where: (SQL | undefined)[] = [
		eq(cases.opened, true),
		eq(query.side === 'requested' ? cases.requested : cases.requesting, own),
		or(isNull(cases.terminal), eq(cases.terminal, false)),
	];
	if (query.urgencies !== undefined) where.push(inArray(cases.urgency, [...query.urgencies]));
	if (query.openedSince !== undefined)
		where.push(
			query.orEscalated === true
				? or(
						gte(cases.openedAt, query.openedSince),
						sql`EXISTS (SELECT 1 FROM ${escalationSteps} WHERE ${escalationSteps.roomId} = ${cases.roomId})`,
					)
				: gte(cases.openedAt, query.openedSince),
		);
	if (query.withPreservations === true)
		where.push(sql`EXISTS (SELECT 1 FROM ${preservationEvents} WHERE ${preservationEvents.roomId} = ${cases.roomId})`);
	try {
		return ok(
			register.db
				.select({ room: cases.roomId, requesting: cases.requesting, requested: cases.requested })
				.from(cases)
				.where(and(...where))
				.all()
				// NOTE: an opened case has both parties (schema.ts); the cast only drops the columns' nullability.
				.map((r) => ({ room: r.room, requesting: r.requesting as AuthorityId, requested: r.requested as AuthorityId })),
		);
	} catch (thrown) {
		return err(registerError(register.file, `read ${query.what}`, thrown));
	}
}
