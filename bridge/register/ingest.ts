// One batch from the Matrix side, in one SQLite transaction: append the new
// case events to the hash-chained log (an event ID already logged is
// skipped), record the invitations, re-fold every room the batch added events
// to from all its logged events, rewrite those rooms' derived rows, and write
// the checkpoint; and note every event handed on, case event or not, in
// seen_events (issue 14, `verify --complete`), the rooms a
// reconciliation read, and people's own alert settings (issue 16), each over
// an older one only. Either all of it lands or none of it (issue 4: the
// sync position, the crypto store and the register advance together).
import type Database from 'better-sqlite3';
import { and, desc, eq, isNull, lt, ne } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { isRoomId, type RoomId } from '../../policies/cases/index.ts';
import { err, ok, type Result } from '../../policies/result.ts';
import { canonicalJson } from './canonical.ts';
import { GENESIS, rowHash } from './chain.ts';
import { classify, isTimestamp } from './classify.ts';
import { deriveRows, sortedRooms } from './derive.ts';
import { readRecord } from './record.ts';
import * as schema from './schema.ts';
import { registerError } from './sqlite-errors.ts';
import type { AlertPreferenceRow, IngestBatch, IngestSummary, ReconciledRoom, RegisterContext, RegisterError } from './types.ts';

type Db = BetterSQLite3Database<typeof schema>;

export function ingestBatch(
	file: string,
	sqlite: Database.Database,
	db: Db,
	context: RegisterContext,
	batch: IngestBatch,
): Result<IngestSummary, RegisterError> {
	const invalid = checkBatch(batch);
	if (invalid !== undefined) return err({ code: 'INVALID_BATCH', message: `register ${file}: refused a batch: ${invalid}` });
	try {
		return ok(sqlite.transaction(() => write(db, context, batch))());
	} catch (thrown) {
		const failed = registerError(file, 'write a batch', thrown);
		return err({ ...failed, message: `${failed.message}. Nothing of this batch was written; the sync must not advance.` });
	}
}

function checkBatch(batch: IngestBatch): string | undefined {
	if (typeof batch.checkpoint.syncToken !== 'string') return 'checkpoint.syncToken must be a string';
	if (!(batch.checkpoint.store instanceof Uint8Array)) return 'checkpoint.store must be a Uint8Array';
	const lost = (batch.undecryptable ?? []).findIndex((u) => typeof u.eventId !== 'string' || !isTimestamp(u.originServerTs));
	if (lost >= 0) return `undecryptable[${lost}]: eventId must be a string and originServerTs a timestamp`;
	const bad = batch.invitations.findIndex((i) => !isTimestamp(i.at) || typeof i.room !== 'string' || typeof i.inviter !== 'string');
	if (bad >= 0) return `invitations[${bad}]: room and inviter must be strings and at a timestamp`;
	const approval = (batch.approvals ?? []).findIndex(
		(a) => typeof a.user !== 'string' || typeof a.by !== 'string' || typeof a.eventId !== 'string' || !isTimestamp(a.at),
	);
	if (approval >= 0) return `approvals[${approval}]: user, by and eventId must be strings and at a timestamp`;
	const passed = (batch.passed ?? []).findIndex((p) => typeof p.eventId !== 'string' || typeof p.room !== 'string');
	if (passed >= 0) return `passed[${passed}]: room and eventId must be strings`;
	const pass = (batch.reconciled ?? []).findIndex(
		(r) => typeof r.room !== 'string' || !isTimestamp(r.at) || !isTimestamp(r.missing) || typeof r.complete !== 'boolean',
	);
	const preference = (batch.alertPreferences ?? []).findIndex(
		(p) =>
			typeof p.userId !== 'string' ||
			typeof p.eventId !== 'string' ||
			!isTimestamp(p.version) ||
			!isTimestamp(p.sentAt) ||
			(p.email !== null && typeof p.email !== 'string') ||
			!Array.isArray(p.off),
	);
	if (preference >= 0) return `alertPreferences[${preference}]: userId, eventId and email must be strings, version and sentAt timestamps`;
	const ack = (batch.alertAcks ?? []).findIndex(
		(a) =>
			typeof a.alertId !== 'string' ||
			typeof a.room !== 'string' ||
			typeof a.userId !== 'string' ||
			typeof a.eventId !== 'string' ||
			!isTimestamp(a.at),
	);
	if (ack >= 0) return `alertAcks[${ack}]: alertId, room, userId and eventId must be strings, at a timestamp`;
	if (pass >= 0) return `reconciled[${pass}]: room must be a string, at a timestamp, missing a count and complete a boolean`;
	const room = batch.events.findIndex((e) => !isRoomId(e.room));
	return room >= 0 ? `events[${room}].room: ${String(batch.events[room]?.room).slice(0, 80)} is not a room ID` : undefined;
}

function write(db: Db, context: RegisterContext, batch: IngestBatch): IngestSummary {
	const last = db
		.select({ seq: schema.eventLog.seq, hash: schema.eventLog.hash })
		.from(schema.eventLog)
		.orderBy(desc(schema.eventLog.seq))
		.limit(1)
		.get();
	let head = last ?? { seq: 0, hash: GENESIS };
	const touched = new Set<RoomId>();
	let skipped = 0;
	for (const event of batch.events) {
		const verdict = classify(event);
		const eventId = String(event.eventId).slice(0, 255);
		// Decrypted at last (chat or case event): no longer undecryptable.
		db.delete(schema.undecryptable).where(eq(schema.undecryptable.eventId, eventId)).run();
		seen(db, event, verdict.log ? 'case' : 'chat');
		if (
			!verdict.log ||
			db.select({ seq: schema.eventLog.seq }).from(schema.eventLog).where(eq(schema.eventLog.eventId, eventId)).get() !== undefined
		) {
			skipped++;
			continue;
		}
		const row = {
			seq: head.seq + 1,
			roomId: event.room,
			eventId,
			sender: String(event.sender).slice(0, 255),
			originServerTs: isTimestamp(event.originServerTs) ? event.originServerTs : 0,
			kind: verdict.kind,
			rejectionCode: verdict.code,
			rejectionReason: verdict.reason,
			content: canonicalJson(event.content),
			prevHash: head.hash,
			verification: verdict.verification,
			senderIdentity: event.senderIdentity === undefined ? null : String(event.senderIdentity).slice(0, 255),
		};
		const hash = rowHash(row);
		db.insert(schema.eventLog)
			.values({ ...row, hash })
			.run();
		head = { seq: row.seq, hash };
		// An event refused for how it arrived never reaches the fold: its room is not re-folded for it.
		if (event.trust.counts) touched.add(event.room as RoomId);
		if (verdict.code === 'identity-changed' && row.senderIdentity !== null)
			noteIdentityChange(db, { ...row, senderIdentity: row.senderIdentity });
	}
	let undecryptable = 0;
	for (const u of batch.undecryptable ?? []) {
		if (db.select({ seq: schema.eventLog.seq }).from(schema.eventLog).where(eq(schema.eventLog.eventId, u.eventId)).get() !== undefined)
			continue;
		seen(db, u, 'undecryptable');
		const values = { eventId: u.eventId, roomId: u.room, sender: u.sender, originServerTs: u.originServerTs, reason: u.reason };
		undecryptable += db.insert(schema.undecryptable).values(values).onConflictDoNothing().run().changes;
	}
	// After the events: an approval reaches the changes noted up to its own batch.
	for (const a of batch.approvals ?? []) {
		db.update(schema.identityChanges)
			.set({ approvedBy: a.by, approvedAt: a.at, approvalEventId: a.eventId })
			.where(and(eq(schema.identityChanges.userId, a.user), isNull(schema.identityChanges.approvedBy)))
			.run();
	}
	for (const p of batch.alertPreferences ?? []) takePreference(db, p);
	for (const a of batch.alertAcks ?? [])
		db.insert(schema.alertAcks)
			.values({ eventId: a.eventId, alertId: a.alertId, roomId: a.room, userId: a.userId, at: a.at })
			.onConflictDoNothing()
			.run();
	for (const p of batch.passed ?? []) seen(db, p, 'other');
	for (const r of batch.reconciled ?? []) noteReconciliation(db, r);
	let invitations = 0;
	for (const i of batch.invitations) {
		const values = { roomId: i.room, inviter: i.inviter, decision: i.decision, reason: i.reason, at: i.at };
		invitations += db.insert(schema.invitations).values(values).onConflictDoNothing().run().changes;
	}
	const rooms = sortedRooms(touched);
	for (const room of rooms) refold(db, context, room);
	const store = Buffer.from(batch.checkpoint.store.buffer, batch.checkpoint.store.byteOffset, batch.checkpoint.store.byteLength);
	const point = { syncToken: batch.checkpoint.syncToken, store, logSeq: head.seq, logHash: head.hash };
	db.insert(schema.checkpoint)
		.values({ id: 1, ...point })
		.onConflictDoUpdate({ target: schema.checkpoint.id, set: point })
		.run();
	return { logged: head.seq - (last?.seq ?? 0), skipped, invitations, undecryptable, rooms };
}

/**
 * Records that the bridge handed the event on (schema.ts, seen_events): once
 * per event ID, in the order first seen; a later kind replaces an earlier one
 * (an undecryptable event decrypted at last), except that a case event stays one.
 */
function seen(db: Db, event: { readonly room: string; readonly eventId: unknown; readonly originServerTs: unknown }, kind: SeenKind): void {
	const values = {
		roomId: event.room,
		eventId: String(event.eventId).slice(0, 255),
		originServerTs: isTimestamp(event.originServerTs) ? event.originServerTs : 0,
		kind,
	};
	db.insert(schema.seenEvents)
		.values(values)
		.onConflictDoUpdate({ target: schema.seenEvents.eventId, set: { kind }, setWhere: ne(schema.seenEvents.kind, 'case') })
		.run();
}

type SeenKind = (typeof schema.seenEvents.$inferInsert)['kind'];

/** A person's own alert setting, over the one held only when newer: a replayed older one changes nothing. */
function takePreference(db: Db, p: AlertPreferenceRow): void {
	const values = { userId: p.userId, version: p.version, email: p.email, off: JSON.stringify(p.off), eventId: p.eventId, sentAt: p.sentAt };
	db.insert(schema.alertPreferences)
		.values(values)
		.onConflictDoUpdate({
			target: schema.alertPreferences.userId,
			set: values,
			setWhere: lt(schema.alertPreferences.version, p.version),
		})
		.run();
}

/** A room's reconciliation: when, complete or not, how many missing; the time of its last complete one kept. */
function noteReconciliation(db: Db, r: ReconciledRoom): void {
	const values = { roomId: r.room, checkedAt: r.at, complete: r.complete, missing: r.missing };
	db.insert(schema.reconciliations)
		.values({ ...values, lastCompleteAt: r.complete ? r.at : null })
		.onConflictDoUpdate({
			target: schema.reconciliations.roomId,
			set: r.complete ? { ...values, lastCompleteAt: r.at } : values,
		})
		.run();
}

/** The first event seen under a counterpart's changed identity (kept once per user and identity). */
function noteIdentityChange(
	db: Db,
	row: {
		readonly roomId: string;
		readonly eventId: string;
		readonly sender: string;
		readonly originServerTs: number;
		readonly senderIdentity: string;
	},
): void {
	db.insert(schema.identityChanges)
		.values({
			userId: row.sender,
			identity: row.senderIdentity,
			roomId: row.roomId,
			firstEventId: row.eventId,
			firstSeenAt: row.originServerTs,
		})
		.onConflictDoNothing()
		.run();
}

/** Folds a room from every event logged for it and rewrites its derived rows. */
export function refold(db: Db, context: RegisterContext, room: RoomId): void {
	const rows = deriveRows(readRecord(db, context, room), context);
	for (const table of [schema.cases, schema.parties, schema.transitions, schema.amendments, schema.links, schema.rejections]) {
		db.delete(table).where(eq(table.roomId, room)).run();
	}
	if (rows.cases.length > 0) db.insert(schema.cases).values(rows.cases).run();
	if (rows.parties.length > 0) db.insert(schema.parties).values(rows.parties).run();
	insertChunked(rows.transitions, (chunk) => db.insert(schema.transitions).values(chunk).run());
	insertChunked(rows.amendments, (chunk) => db.insert(schema.amendments).values(chunk).run());
	insertChunked(rows.links, (chunk) => db.insert(schema.links).values(chunk).run());
	insertChunked(rows.rejections, (chunk) => db.insert(schema.rejections).values(chunk).run());
}

// NOTE: SQLite caps bound parameters per statement (32,766 by default); ten
// columns × 500 rows stays well below.
function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => unknown): void {
	for (let i = 0; i < rows.length; i += 500) insert(rows.slice(i, i + 500));
}
