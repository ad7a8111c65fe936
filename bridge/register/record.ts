// One room's case record, folded from the events the register logged for it:
// what the bridge's chat commands read (bridge/commands). Ingest re-folds a
// room from the same envelopes (ingest.ts, refold), so a command sees exactly
// what the register's derived rows say, with the record's full detail.
import { asc, eq } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { foldCase, type CaseEventEnvelope, type CaseRecord, type EventId, type RoomId, type UserId } from '../../policies/cases/index.ts';
import { TRUST_CODES } from '../../policies/trust/index.ts';
import * as schema from './schema.ts';
import type { RegisterContext } from './types.ts';

const NOT_TRUSTED: ReadonlySet<string> = new Set(TRUST_CODES);

/** The room's logged events, in log order, as the fold reads them. */
export function loggedEnvelopes(db: BetterSQLite3Database<typeof schema>, room: RoomId): CaseEventEnvelope[] {
	return (
		db
			.select()
			.from(schema.eventLog)
			.where(eq(schema.eventLog.roomId, room))
			.orderBy(asc(schema.eventLog.seq))
			.all()
			// NOTE: an invalid envelope was logged with what could be stored (a
			// timestamp of 0, say); folded again it might pass. It stays refused in the log.
			// So does an event refused for how it arrived (policies/trust): its content is
			// well formed, and folded it would count — that is the attack.
			.filter((r) => r.rejectionCode !== 'invalid-envelope' && !NOT_TRUSTED.has(r.rejectionCode ?? ''))
			.map((r) => ({
				eventId: r.eventId as EventId,
				sender: r.sender as UserId,
				originServerTs: r.originServerTs,
				content: JSON.parse(r.content) as unknown,
			}))
	);
}

/** The room's case record now; an unopened record when nothing (or no valid opening) is logged for it. */
export function readRecord(db: BetterSQLite3Database<typeof schema>, context: RegisterContext, room: RoomId): CaseRecord {
	return foldCase(loggedEnvelopes(db, room), { ...context, room });
}
