// The alerts' escalation steps in the register (table `escalation_steps`,
// schema.ts): what bridge/alerts/escalator.ts records and reads. A step is
// recorded before its mails go and marked sent once the relay accepted all of
// them, each call one transaction; so after a crash a recorded, unsent step
// is sent again (same Message-IDs), and the unique (alert, step) key makes a
// second record of the same step a no-op rather than a new step. Who of a
// step's recipients the cap on mails per person holds is decided when it is
// recorded, so a re-send after a crash mails the same people.
import type Database from 'better-sqlite3';
import type { AlertKind, ChainStep } from '../../policies/alerts/index.ts';
import type { Result } from '../../policies/result.ts';
import { registerTransactions } from './sqlite-errors.ts';
import type { RegisterError } from './types.ts';

export interface EscalationStepRow {
	readonly alertId: string;
	readonly kind: AlertKind;
	readonly room: string;
	readonly step: number;
	readonly as: ChainStep['as'];
	/** The Matrix IDs told. */
	readonly recipients: readonly string[];
	readonly dueAt: number;
	readonly recordedAt: number;
	/** Null until the relay accepted every mail of the step. */
	readonly sentAt: number | null;
	/** Recipients not mailed for the step: over the cap on escalation mails per person (policies/alerts/mail-cap.ts). */
	readonly held: readonly string[];
}

export interface EscalationStore {
	/** Records a step about to be sent; the row as stored (an earlier record of the same step stays as it was). */
	record(step: Omit<EscalationStepRow, 'sentAt'>): Result<EscalationStepRow, RegisterError>;
	/** Marks a recorded step sent at `at` (once: a later call changes nothing). */
	markSent(alertId: string, step: number, at: number): Result<void, RegisterError>;
	/** How many steps recorded since `since` mail the person (named among the recipients and not held), sent or about to be. */
	mailedSince(recipient: string, since: number): Result<number, RegisterError>;
	/** An alert's steps, in step order. */
	ofAlert(alertId: string): Result<EscalationStepRow[], RegisterError>;
	/** A room's steps (every alert of it), in time order: who was told when. */
	ofRoom(room: string): Result<EscalationStepRow[], RegisterError>;
	/** The sent steps whose case room was not told yet (policies/alerts/step-event.ts), in time order. */
	unnoted(): Result<EscalationStepRow[], RegisterError>;
	/** Marks a sent step's case-room event sent at `at` (once). */
	markNoted(alertId: string, step: number, at: number): Result<void, RegisterError>;
}

const COLUMNS = `alert_id AS alertId, kind, room_id AS room, step, "as", recipients, due_at AS dueAt,
	recorded_at AS recordedAt, sent_at AS sentAt, held`;

type Stored = Omit<EscalationStepRow, 'recipients' | 'held'> & { recipients: string; held: string };

const rowOf = (r: Stored): EscalationStepRow => ({
	...r,
	recipients: JSON.parse(r.recipients) as string[],
	held: JSON.parse(r.held) as string[],
});

export function escalationStore(file: string, sqlite: Database.Database): EscalationStore {
	const insert = sqlite.prepare(`INSERT OR IGNORE INTO escalation_steps
		(alert_id, kind, room_id, step, "as", recipients, due_at, recorded_at, held)
		VALUES (@alertId, @kind, @room, @step, @as, @recipients, @dueAt, @recordedAt, @held)`);
	const one = sqlite.prepare(`SELECT ${COLUMNS} FROM escalation_steps WHERE alert_id = ? AND step = ?`);
	const sent = sqlite.prepare('UPDATE escalation_steps SET sent_at = ? WHERE alert_id = ? AND step = ? AND sent_at IS NULL');
	const mailed = sqlite.prepare(`SELECT count(*) AS n FROM escalation_steps s, json_each(s.recipients) r
		WHERE s.recorded_at >= ? AND r.value = ? AND NOT EXISTS (SELECT 1 FROM json_each(s.held) h WHERE h.value = r.value)`);
	const ofAlert = sqlite.prepare(`SELECT ${COLUMNS} FROM escalation_steps WHERE alert_id = ? ORDER BY step`);
	const ofRoom = sqlite.prepare(`SELECT ${COLUMNS} FROM escalation_steps WHERE room_id = ? ORDER BY recorded_at, alert_id, step`);
	const unnoted = sqlite.prepare(
		`SELECT ${COLUMNS} FROM escalation_steps WHERE sent_at IS NOT NULL AND noted_at IS NULL ORDER BY sent_at, alert_id, step`,
	);
	const noted = sqlite.prepare('UPDATE escalation_steps SET noted_at = ? WHERE alert_id = ? AND step = ? AND noted_at IS NULL');
	const run = registerTransactions(file, sqlite);
	return {
		record: (step) =>
			run('record an escalation step', () => {
				insert.run({ ...step, recipients: JSON.stringify(step.recipients), held: JSON.stringify(step.held) });
				return rowOf(one.get(step.alertId, step.step) as Stored);
			}),
		markSent: (alertId, step, at) =>
			run('mark an escalation step sent', () => {
				sent.run(at, alertId, step);
			}),
		mailedSince: (recipient, since) => run('count escalation mails', () => (mailed.get(since, recipient) as { n: number }).n),
		ofAlert: (alertId) => run('read escalation steps', () => (ofAlert.all(alertId) as Stored[]).map(rowOf)),
		ofRoom: (room) => run('read escalation steps', () => (ofRoom.all(room) as Stored[]).map(rowOf)),
		unnoted: () => run('read escalation steps', () => (unnoted.all() as Stored[]).map(rowOf)),
		markNoted: (alertId, step, at) =>
			run('mark an escalation step noted', () => {
				noted.run(at, alertId, step);
			}),
	};
}
