// A plain SQLite BatchSink (better-sqlite3): every batch in one transaction,
// every event kept as delivered — duplicates included, so the crash tests can
// see one. It stands in for the register (bridge/register) until that is
// wired in, and lets tests read what a bot process delivered.
import Database from 'better-sqlite3';
import { err, ok, type Result } from '../../policies/result.ts';
import type { Batch, BatchSink, BridgedEvent, Checkpoint, InvitationRecord, UndecryptableEvent } from './sink.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, event_id TEXT NOT NULL, sender TEXT NOT NULL, origin_server_ts INTEGER NOT NULL, content TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS invitations (seq INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, inviter TEXT NOT NULL, decision TEXT NOT NULL, reason TEXT NOT NULL, at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS undecryptable (seq INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, event_id TEXT NOT NULL, sender TEXT NOT NULL, origin_server_ts INTEGER NOT NULL, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), sync_token TEXT NOT NULL, store BLOB NOT NULL);
`;

export class SqliteSink implements BatchSink {
	readonly #db: Database.Database;
	readonly #file: string;

	constructor(file: string, options: { readonly readonly?: boolean } = {}) {
		this.#file = file;
		this.#db = new Database(file, { readonly: options.readonly ?? false });
		if (options.readonly !== true) {
			this.#db.pragma('journal_mode = WAL');
			this.#db.pragma('synchronous = FULL');
			this.#db.exec(SCHEMA);
		}
	}

	load(): Checkpoint | undefined {
		const row = this.#db.prepare('SELECT sync_token, store FROM checkpoint WHERE id = 1').get() as
			{ sync_token: string; store: Buffer } | undefined;
		return row === undefined ? undefined : { syncToken: row.sync_token, store: new Uint8Array(row.store) };
	}

	commit(batch: Batch): Result<void, string> {
		try {
			this.#db.transaction(() => {
				const event = this.#db.prepare('INSERT INTO events (room, event_id, sender, origin_server_ts, content) VALUES (?, ?, ?, ?, ?)');
				for (const e of batch.events) event.run(e.room, e.eventId, e.sender, e.originServerTs, JSON.stringify(e.content));
				const invitation = this.#db.prepare('INSERT INTO invitations (room, inviter, decision, reason, at) VALUES (?, ?, ?, ?, ?)');
				for (const i of batch.invitations) invitation.run(i.room, i.inviter, i.decision, i.reason, i.at);
				const lost = this.#db.prepare(
					'INSERT INTO undecryptable (room, event_id, sender, origin_server_ts, reason) VALUES (?, ?, ?, ?, ?)',
				);
				for (const u of batch.undecryptable) lost.run(u.room, u.eventId, u.sender, u.originServerTs, u.reason);
				this.#db
					.prepare(
						'INSERT INTO checkpoint (id, sync_token, store) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET sync_token = excluded.sync_token, store = excluded.store',
					)
					.run(batch.checkpoint.syncToken, Buffer.from(batch.checkpoint.store));
			})();
			return ok(undefined);
		} catch (e) {
			return err(`${this.#file}: ${e instanceof Error ? e.message : String(e)}`);
		}
	}

	events(): BridgedEvent[] {
		const rows = this.#db.prepare('SELECT room, event_id, sender, origin_server_ts, content FROM events ORDER BY seq').all() as {
			room: string;
			event_id: string;
			sender: string;
			origin_server_ts: number;
			content: string;
		}[];
		return rows.map((r) => ({
			room: r.room,
			eventId: r.event_id,
			sender: r.sender,
			originServerTs: r.origin_server_ts,
			content: JSON.parse(r.content) as unknown,
		}));
	}

	invitations(): InvitationRecord[] {
		return this.#db.prepare('SELECT room, inviter, decision, reason, at FROM invitations ORDER BY seq').all() as InvitationRecord[];
	}

	undecryptable(): UndecryptableEvent[] {
		const rows = this.#db.prepare('SELECT room, event_id, sender, origin_server_ts, reason FROM undecryptable ORDER BY seq').all() as {
			room: string;
			event_id: string;
			sender: string;
			origin_server_ts: number;
			reason: string;
		}[];
		return rows.map((r) => ({ room: r.room, eventId: r.event_id, sender: r.sender, originServerTs: r.origin_server_ts, reason: r.reason }));
	}

	close(): void {
		this.#db.close();
	}
}
