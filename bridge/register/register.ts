// The register: one SQLite file per authority, opened by its bridge (which
// migrates it and writes it) or read-only by the web pages and the CLI.
// Everything returns a Result; nothing throws for a failure of the file.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { asc, eq } from 'drizzle-orm';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { isRoomId, type CaseRecord } from '../../policies/cases/index.ts';
import type { WitnessHead } from '../../policies/reports/index.ts';
import { err, ok, type Result } from '../../policies/result.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { ingestBatch } from './ingest.ts';
import { checkVersion, migrateRegister } from './migrate.ts';
import { readRecord } from './record.ts';
import { alertPreferenceStore, type AlertPreferenceStore } from './alert-preferences.ts';
import { digestStore, type DigestStore } from './digests.ts';
import { escalationStore, type EscalationStore } from './escalations.ts';
import { scheduleStore, type ScheduleStore } from './schedule.ts';
import * as schema from './schema.ts';
import { readSnapshot, type RegisterSnapshot } from './snapshot.ts';
import { registerError } from './sqlite-errors.ts';
import type { Checkpoint, IngestBatch, IngestSummary, OpenOptions, RegisterContext, RegisterError } from './types.ts';
import { GENESIS } from './chain.ts';
import { verifyRows, type LogRow, type VerifyReport } from './verify.ts';
import type { HeldEvent, SeenKind } from './completeness.ts';
import { verifyAgainstWitness, type WitnessReport } from './witness.ts';

// NOTE: raw SQL so that verify streams the log instead of loading it whole.
const LOG_ROWS = `SELECT seq, room_id AS roomId, event_id AS eventId, sender, origin_server_ts AS originServerTs, kind,
	rejection_code AS rejectionCode, rejection_reason AS rejectionReason, content, prev_hash AS prevHash, hash,
	verification, sender_identity AS senderIdentity
	FROM event_log ORDER BY seq`;

// Every event the register holds for a room (completeness.ts): what it saw, whether the row it kept it in is still
// there, and logged or undecryptable events it has no seen row for.
const HELD = `SELECT s.event_id AS eventId, s.origin_server_ts AS originServerTs, s.kind AS kind,
	CASE s.kind
		WHEN 'case' THEN EXISTS (SELECT 1 FROM event_log l WHERE l.event_id = s.event_id)
		WHEN 'undecryptable' THEN EXISTS (SELECT 1 FROM undecryptable u WHERE u.event_id = s.event_id)
			OR EXISTS (SELECT 1 FROM event_log l WHERE l.event_id = s.event_id)
		ELSE 1 END AS kept
	FROM seen_events s WHERE s.room_id = @room
	UNION ALL SELECT l.event_id, l.origin_server_ts, 'case', 1 FROM event_log l
		WHERE l.room_id = @room AND NOT EXISTS (SELECT 1 FROM seen_events s WHERE s.event_id = l.event_id)
	UNION ALL SELECT u.event_id, u.origin_server_ts, 'undecryptable', 1 FROM undecryptable u
		WHERE u.room_id = @room AND NOT EXISTS (SELECT 1 FROM seen_events s WHERE s.event_id = u.event_id)`;

export type RegisterDb = BetterSQLite3Database<typeof schema>;

export interface Register {
	readonly file: string;
	/** The drizzle handle, for read-only queries (exports, statistics, web pages). Writes go through ingest only. */
	readonly db: RegisterDb;
	ingest(batch: IngestBatch): Result<IngestSummary, RegisterError>;
	/** The last checkpoint written, or undefined for a register that has ingested nothing. */
	readCheckpoint(): Result<Checkpoint | undefined, RegisterError>;
	/** Whether the event ID is in the log, recorded undecryptable, or seen as chat: the bridge's gap filling stops at what it has (issue 14). */
	holds(eventId: string): Result<boolean, RegisterError>;
	/** A room's case record, folded from its logged events (unopened when there are none): what the chat commands read. */
	record(room: string): Result<CaseRecord, RegisterError>;
	verify(): Result<VerifyReport, RegisterError>;
	/** Every event the register holds for the room, and since when it recorded chat too (completeness.ts). */
	held(room: string): Result<{ readonly held: HeldEvent[]; readonly since: number | undefined; readonly invited: boolean }, RegisterError>;
	/** The log's head: its last row's seq and hash (0 and the genesis hash when empty) — what the bridge sends the witness room. */
	logHead(): Result<{ readonly seq: number; readonly hash: string }, RegisterError>;
	/** The log checked against heads witnessed by the secretariat (witness.ts); heads of other authorities are set aside. */
	verifyWitness(heads: readonly WitnessHead[], authority: AuthorityId): Result<WitnessReport, RegisterError>;
	/** A user's changed identities, oldest first, with the command that approved each (null while unapproved). */
	identityChanges(user: string): Result<{ identity: string; firstSeenAt: number; approvalEventId: string | null }[], RegisterError>;
	/** The preservation reminders' schedule (bridge/reminders), written by the bridge beside ingest. */
	readonly schedule: ScheduleStore;
	/** The alerts' escalation steps (bridge/alerts), written by the bridge beside ingest. */
	readonly escalations: EscalationStore;
	/** The alerts' batched mails (digests.ts). */
	readonly digests: DigestStore;
	/** People's own alert settings (alert-preferences.ts), written by ingest. */
	readonly preferences: AlertPreferenceStore;
	snapshot(): Result<RegisterSnapshot, RegisterError>;
	close(): void;
}

export function openRegister(file: string, context: RegisterContext, options: OpenOptions = {}): Result<Register, RegisterError> {
	if (file !== ':memory:' && !existsSync(dirname(file))) {
		return err({
			code: 'SQLITE_CANTOPEN',
			message: `register ${file}: its folder ${dirname(file)} does not exist; create it, then restart the bridge`,
		});
	}
	let sqlite: Database.Database | undefined;
	try {
		sqlite = new Database(file, { readonly: options.readonly === true, fileMustExist: options.readonly === true });
		sqlite.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
		// NOTE: WAL lets the web pages read while the bridge writes; FULL sync
		// makes a committed batch survive a power cut, not only a crash.
		if (options.readonly !== true) {
			sqlite.pragma('journal_mode = WAL');
			sqlite.pragma('synchronous = FULL');
		}
		const db = drizzle(sqlite, { schema });
		const ready = options.readonly === true ? checkVersion(file, sqlite) : migrateRegister(file, sqlite, db);
		if (!ready.ok) {
			sqlite.close();
			return ready;
		}
		return ok(registerOver(file, sqlite, db, context));
	} catch (thrown) {
		sqlite?.close();
		return err(registerError(file, 'open the register', thrown));
	}
}

function registerOver(file: string, sqlite: Database.Database, db: RegisterDb, context: RegisterContext): Register {
	const reading = <T>(doing: string, read: () => T): Result<T, RegisterError> => {
		try {
			return ok(read());
		} catch (thrown) {
			return err(registerError(file, doing, thrown));
		}
	};
	let schedule: ScheduleStore | undefined;
	let escalations: EscalationStore | undefined;
	let digests: DigestStore | undefined;
	let preferences: AlertPreferenceStore | undefined;
	const checkpointRow = () => db.select().from(schema.checkpoint).where(eq(schema.checkpoint.id, 1)).get();
	return {
		file,
		db,
		ingest: (batch) => ingestBatch(file, sqlite, db, context, batch),
		readCheckpoint: () =>
			reading('read the checkpoint', () => {
				const row = checkpointRow();
				return row === undefined ? undefined : { syncToken: row.syncToken, store: new Uint8Array(row.store) };
			}),
		holds: (eventId) =>
			reading('look up an event', () => {
				const logged = sqlite.prepare('SELECT 1 FROM event_log WHERE event_id = ?').get(eventId) !== undefined;
				if (logged || sqlite.prepare('SELECT 1 FROM undecryptable WHERE event_id = ?').get(eventId) !== undefined) return true;
				// Chat and the rest the bridge read: seen, not logged.
				return sqlite.prepare("SELECT 1 FROM seen_events WHERE event_id = ? AND kind IN ('chat', 'other')").get(eventId) !== undefined;
			}),
		record: (room) =>
			isRoomId(room)
				? reading(`read room ${room}`, () => sqlite.transaction(() => readRecord(db, context, room))())
				: err({ code: 'INVALID_ROOM', message: `register ${file}: ${room.slice(0, 80)} is not a room ID` }),
		identityChanges: (user) =>
			reading(`read the identity changes of ${user.slice(0, 80)}`, () =>
				db
					.select({
						identity: schema.identityChanges.identity,
						firstSeenAt: schema.identityChanges.firstSeenAt,
						approvalEventId: schema.identityChanges.approvalEventId,
					})
					.from(schema.identityChanges)
					.where(eq(schema.identityChanges.userId, user))
					.orderBy(asc(schema.identityChanges.firstSeenAt))
					.all(),
			),
		verify: () =>
			reading('verify the log', () =>
				sqlite.transaction(() => {
					const point = checkpointRow();
					const rows = sqlite.prepare(LOG_ROWS).iterate() as Iterable<LogRow>;
					return verifyRows(rows, point === undefined ? undefined : { seq: point.logSeq, hash: point.logHash });
				})(),
			),
		held: (room) =>
			reading(`read what the register holds of ${room.slice(0, 80)}`, () =>
				sqlite.transaction(() => {
					const rows = sqlite.prepare(HELD).all({ room }) as { eventId: string; originServerTs: number; kind: SeenKind; kept: number }[];
					const since = sqlite.prepare('SELECT at FROM seen_since WHERE id = 1').get() as { at: number } | undefined;
					const invited = sqlite.prepare("SELECT 1 FROM invitations WHERE room_id = @room AND decision = 'accepted' LIMIT 1").get({ room });
					return { held: rows.map((r) => ({ ...r, kept: r.kept === 1 })), since: since?.at, invited: invited !== undefined };
				})(),
			),
		logHead: () =>
			reading('read the head of the log', () => {
				const last = sqlite.prepare('SELECT seq, hash FROM event_log ORDER BY seq DESC LIMIT 1').get() as
					{ seq: number; hash: string } | undefined;
				return last ?? { seq: 0, hash: GENESIS };
			}),
		verifyWitness: (heads, authority) =>
			reading('verify the log against the witnessed heads', () =>
				sqlite.transaction(() => {
					const point = checkpointRow();
					return verifyAgainstWitness({
						// NOTE: a generator, so that the query starts only if the rows are walked (a refusal walks none,
						// and a statement left iterating keeps the connection busy: it could not be closed).
						rows: (function* () {
							yield* sqlite.prepare(LOG_ROWS).iterate() as Iterable<LogRow>;
						})(),
						heads,
						authority,
						checkpoint: point === undefined ? undefined : { seq: point.logSeq, hash: point.logHash },
					});
				})(),
			),
		// NOTE: made on first use, so that opens which never schedule (web pages, CLI) prepare nothing.
		get schedule() {
			schedule ??= scheduleStore(file, sqlite);
			return schedule;
		},
		get escalations() {
			escalations ??= escalationStore(file, sqlite);
			return escalations;
		},
		get digests() {
			digests ??= digestStore(file, sqlite);
			return digests;
		},
		get preferences() {
			preferences ??= alertPreferenceStore(file, sqlite);
			return preferences;
		},
		snapshot: () => reading('read the register', () => sqlite.transaction(() => readSnapshot(db))()),
		close: () => sqlite.close(),
	};
}
