// The reminders' schedule in the register (table `reminders`, schema.ts): the
// few reads and writes bridge/reminders' scheduler makes. Each call is one
// transaction, so a crash leaves a row in a state the scheduler resumes from:
// a `sending` row is sent again with the same transaction ID. The row type is
// the scheduler's too (bridge/reminders/types.ts names it ReminderRow).
import type Database from 'better-sqlite3';
import type { Result } from '../../policies/result.ts';
import { registerTransactions } from './sqlite-errors.ts';
import type { RegisterError } from './types.ts';

/**
 * States of a schedule row: scheduled → sending → sent; or skipped (a later
 * offset was due as well when it came up: one reminder, the latest), cancelled
 * (the preservation ended, its expiry moved, or — for an escalation — the
 * reminder was acknowledged), or failed (the room refused the bot: 403/404).
 */
export type ScheduleState = 'scheduled' | 'sending' | 'sent' | 'skipped' | 'cancelled' | 'failed';

/** A row of the schedule (table `reminders`): one reminder, or the escalation of one. */
export interface ScheduleRow {
	readonly id: string;
	readonly room: string;
	readonly preservation: string;
	readonly kind: 'reminder' | 'escalation';
	/** The offset before expiry (ms) this reminder is for; an escalation carries its reminder's. */
	readonly offsetMs: number;
	/** The expiry this row was planned for: when it moves, the rows of the old one are cancelled. */
	readonly expires: number;
	readonly dueAt: number;
	readonly state: ScheduleState;
	/** The Matrix transaction ID, derived from the id: a resend after a crash is the same request. */
	readonly txnId: string;
	/** For an escalation: the reminder it escalates. */
	readonly escalates: string | null;
	readonly sentAt: number | null;
	readonly eventId: string | null;
	readonly acknowledgedAt: number | null;
	readonly acknowledgedBy: string | null;
}

/** One room's plan: the rows its active preservations should have now. */
export interface RoomPlan {
	readonly room: string;
	readonly rows: readonly ScheduleRow[];
}

export interface ScheduleStore {
	/**
	 * Adds the planned rows not yet known and cancels each room's scheduled
	 * rows that are no longer planned (preservation ended or gone, expiry moved;
	 * escalations follow their reminder's preservation and expiry). Returns the
	 * rows added.
	 */
	reconcile(plans: readonly RoomPlan[]): Result<ScheduleRow[], RegisterError>;
	/** Rows still to send (scheduled or sending), as (due, id): the scheduler's queue at start. */
	pending(): Result<{ due: number; id: string }[], RegisterError>;
	get(id: string): Result<ScheduleRow | undefined, RegisterError>;
	/** Moves a scheduled row to `sending`; the row if it is `sending` now (also one a crash left so), else undefined. */
	claim(id: string): Result<ScheduleRow | undefined, RegisterError>;
	/** Whether a later reminder of the same preservation and expiry is also due by `now` and not yet sent: this one is then skipped. */
	supersededAt(row: ScheduleRow, now: number): Result<boolean, RegisterError>;
	/** Ends a row unsent. */
	close(id: string, state: 'skipped' | 'cancelled' | 'failed'): Result<void, RegisterError>;
	/** Records a row as sent, with whom it mentioned, and schedules its escalation (if any) in the same transaction. */
	sent(id: string, at: number, eventId: string, mentioned: readonly string[], escalation?: ScheduleRow): Result<void, RegisterError>;
	/**
	 * Each `sender` spoke in `room` at `at`: every sent reminder there that
	 * mentioned them, sent before `at` and not yet acknowledged, is
	 * acknowledged, and its scheduled escalation cancelled. One transaction;
	 * idempotent. Returns how many reminders were acknowledged.
	 */
	acknowledge(messages: readonly { room: string; sender: string; at: number }[]): Result<number, RegisterError>;
	/** Keeps preservation events (already kept ones are left as they are). One transaction. */
	keep(events: readonly KeptEvent[]): Result<void, RegisterError>;
	/** A room's kept preservation events, in timestamp order. */
	kept(room: string): Result<KeptEvent[], RegisterError>;
	/** The rooms with kept preservation events. */
	keptRooms(): Result<string[], RegisterError>;
}

/** A preservation event as the bridge saw it; `content` is the decrypted content. */
export interface KeptEvent {
	readonly room: string;
	readonly eventId: string;
	readonly sender: string;
	readonly originServerTs: number;
	readonly content: unknown;
}

// NOTE: `+state` and `+due_at` keep SQLite on the room index: with the state
// index it would scan every scheduled row for each room (quadratic at start).
const COLUMNS = `id, room_id AS room, preservation, kind, offset_ms AS offsetMs, expires, due_at AS dueAt, state, txn_id AS txnId,
	escalates, sent_at AS sentAt, event_id AS eventId, acknowledged_at AS acknowledgedAt, acknowledged_by AS acknowledgedBy`;

export function scheduleStore(file: string, sqlite: Database.Database): ScheduleStore {
	const insert =
		sqlite.prepare(`INSERT OR IGNORE INTO reminders (id, room_id, preservation, kind, offset_ms, expires, due_at, state, txn_id, escalates)
		VALUES (@id, @room, @preservation, @kind, @offsetMs, @expires, @dueAt, 'scheduled', @txnId, @escalates)`);
	const open = sqlite.prepare(`SELECT ${COLUMNS} FROM reminders WHERE room_id = ? AND +state = 'scheduled'`);
	const setState = sqlite.prepare('UPDATE reminders SET state = ? WHERE id = ?');
	const byId = sqlite.prepare(`SELECT ${COLUMNS} FROM reminders WHERE id = ?`);
	const toSending = sqlite.prepare("UPDATE reminders SET state = 'sending' WHERE id = ? AND state = 'scheduled'");
	const later = sqlite.prepare(`SELECT 1 FROM reminders WHERE room_id = ? AND preservation = ? AND expires = ? AND kind = 'reminder'
		AND +state IN ('scheduled', 'sending') AND +due_at > ? AND +due_at <= ? LIMIT 1`);
	const markSent = sqlite.prepare(
		"UPDATE reminders SET state = 'sent', sent_at = ?, event_id = ?, mentioned = ? WHERE id = ? AND state = 'sending'",
	);
	const unacknowledged = sqlite.prepare(`SELECT id, mentioned FROM reminders
		WHERE room_id = ? AND kind = 'reminder' AND +state = 'sent' AND acknowledged_at IS NULL AND sent_at <= ?`);
	const ack = sqlite.prepare('UPDATE reminders SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ?');
	const dropEscalation = sqlite.prepare(
		"UPDATE reminders SET state = 'cancelled' WHERE room_id = ? AND escalates = ? AND +state = 'scheduled'",
	);

	const keepOne = sqlite.prepare(`INSERT OR IGNORE INTO preservation_events (event_id, room_id, sender, origin_server_ts, content)
		VALUES (?, ?, ?, ?, ?)`);
	const keptIn = sqlite.prepare(`SELECT event_id AS eventId, room_id AS room, sender, origin_server_ts AS originServerTs, content
		FROM preservation_events WHERE room_id = ? ORDER BY origin_server_ts, event_id`);

	const run = registerTransactions(file, sqlite);
	return {
		reconcile: (plans) =>
			run('plan the reminders', () => {
				const added: ScheduleRow[] = [];
				for (const plan of plans) {
					const wanted = new Set(plan.rows.map((r) => r.id));
					const alive = new Set(plan.rows.map((r) => `${r.preservation}\u0000${r.expires}`));
					for (const row of open.all(plan.room) as ScheduleRow[]) {
						const stays = row.kind === 'reminder' ? wanted.has(row.id) : alive.has(`${row.preservation}\u0000${row.expires}`);
						if (!stays) setState.run('cancelled', row.id);
					}
					for (const row of plan.rows) if (insert.run(row).changes > 0) added.push(row);
				}
				return added;
			}),
		pending: () =>
			run('read the reminders', () => {
				const entries: { due: number; id: string }[] = [];
				const rows = sqlite.prepare("SELECT due_at AS due, id FROM reminders WHERE state IN ('scheduled', 'sending')").iterate();
				for (const row of rows as Iterable<{ due: number; id: string }>) entries.push({ due: row.due, id: row.id });
				return entries;
			}),
		get: (id) => run('read a reminder', () => byId.get(id) as ScheduleRow | undefined),
		claim: (id) =>
			run('claim a reminder', () => {
				toSending.run(id);
				const row = byId.get(id) as ScheduleRow | undefined;
				return row?.state === 'sending' ? row : undefined;
			}),
		supersededAt: (row, now) =>
			run('read the reminders', () => later.get(row.room, row.preservation, row.expires, row.dueAt, now) !== undefined),
		close: (id, state) =>
			run('close a reminder', () => {
				setState.run(state, id);
			}),
		sent: (id, at, eventId, mentioned, escalation) =>
			run('record a sent reminder', () => {
				markSent.run(at, eventId, JSON.stringify(mentioned), id);
				if (escalation !== undefined) insert.run(escalation);
			}),
		acknowledge: (messages) =>
			run('record acknowledgements', () => {
				let count = 0;
				for (const { room, sender, at } of messages) {
					for (const row of unacknowledged.all(room, at) as { id: string; mentioned: string | null }[]) {
						const mentioned = JSON.parse(row.mentioned ?? '[]') as unknown;
						if (!Array.isArray(mentioned) || !mentioned.includes(sender)) continue;
						ack.run(at, sender, row.id);
						dropEscalation.run(room, row.id);
						count++;
					}
				}
				return count;
			}),
		keep: (events) =>
			run('keep preservation events', () => {
				for (const e of events) keepOne.run(e.eventId, e.room, e.sender, e.originServerTs, JSON.stringify(e.content));
			}),
		kept: (room) =>
			run('read preservation events', () =>
				(keptIn.all(room) as (Omit<KeptEvent, 'content'> & { content: string })[]).map((r) => ({
					...r,
					content: JSON.parse(r.content) as unknown,
				})),
			),
		keptRooms: () =>
			run('read preservation events', () =>
				(sqlite.prepare('SELECT DISTINCT room_id AS room FROM preservation_events ORDER BY room_id').all() as { room: string }[]).map(
					(r) => r.room,
				),
			),
	};
}
