// The session store over SQLite (drizzle + better-sqlite3): create a session
// for a verified Matrix user, validate a token (sliding expiry: a session used
// when less than half its lifetime remains is extended by a full lifetime, as
// Lucia does), and invalidate one session or all of a user's. The clock is
// injected so expiry is tested without waiting.
import Database from 'better-sqlite3';
import { eq, lt } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { err, ok, type Result } from '../../../../../policies/result.ts';
import { migrate } from './migrate.ts';
import { sessions, type SessionRow } from './schema.ts';
import { generateSessionToken, looksLikeToken, sessionIdOf } from './token.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;

export interface NewSession {
	readonly userId: string;
	readonly deviceId: string | undefined;
	readonly homeserverId: string;
	readonly secure: boolean;
}

export interface StoredSession {
	readonly id: string;
	readonly userId: string;
	readonly deviceId: string | undefined;
	readonly homeserverId: string;
	readonly createdAt: number;
	readonly expiresAt: number;
	readonly secure: boolean;
}

export type Validation =
	| { readonly valid: true; readonly session: StoredSession; readonly extended: boolean }
	| { readonly valid: false; readonly reason: 'malformed' | 'unknown' | 'expired' };

export interface SessionStore {
	/** A new session; the token is for the cookie and is not kept anywhere. */
	create(session: NewSession): { readonly token: string; readonly session: StoredSession };
	validate(token: string): Validation;
	invalidate(sessionId: string): void;
	invalidateUser(userId: string): void;
	/** Deletes expired sessions (validation deletes them too, one at a time). */
	purgeExpired(): number;
	close(): void;
}

const toStored = (row: SessionRow): StoredSession => ({
	id: row.id,
	userId: row.userId,
	deviceId: row.deviceId ?? undefined,
	homeserverId: row.homeserverId,
	createdAt: row.createdAt,
	expiresAt: row.expiresAt,
	secure: row.secure,
});

export class SqliteSessionStore implements SessionStore {
	readonly #sqlite: Database.Database;
	readonly #db: BetterSQLite3Database;
	readonly #now: () => number;
	readonly #lifetime: number;

	private constructor(sqlite: Database.Database, now: () => number, lifetime: number) {
		this.#sqlite = sqlite;
		this.#db = drizzle(sqlite);
		this.#now = now;
		this.#lifetime = lifetime;
	}

	/** Opens (creating it and its folder if needed) and migrates the database at `path`. */
	static open(path: string, options: { now?: () => number; lifetimeMs?: number } = {}): Result<SqliteSessionStore, string> {
		let sqlite: Database.Database;
		try {
			mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
			sqlite = new Database(path);
			sqlite.pragma('journal_mode = WAL');
		} catch (error) {
			return err(`cannot open the session database ${path}: ${error instanceof Error ? error.message : String(error)}`);
		}
		const migrated = migrate(sqlite);
		if (!migrated.ok) {
			sqlite.close();
			return err(`the session database ${path}: ${migrated.error}`);
		}
		return ok(new SqliteSessionStore(sqlite, options.now ?? Date.now, options.lifetimeMs ?? SESSION_LIFETIME_MS));
	}

	create(session: NewSession): { token: string; session: StoredSession } {
		const token = generateSessionToken();
		const now = this.#now();
		const row: SessionRow = {
			id: sessionIdOf(token),
			userId: session.userId,
			deviceId: session.deviceId ?? null,
			homeserverId: session.homeserverId,
			createdAt: now,
			expiresAt: now + this.#lifetime,
			secure: session.secure,
		};
		this.#db.insert(sessions).values(row).run();
		return { token, session: toStored(row) };
	}

	validate(token: string): Validation {
		if (!looksLikeToken(token)) return { valid: false, reason: 'malformed' };
		const id = sessionIdOf(token);
		const row = this.#db.select().from(sessions).where(eq(sessions.id, id)).get();
		if (row === undefined) return { valid: false, reason: 'unknown' };
		const now = this.#now();
		if (now >= row.expiresAt) {
			this.invalidate(id);
			return { valid: false, reason: 'expired' };
		}
		if (now >= row.expiresAt - this.#lifetime / 2) {
			const expiresAt = now + this.#lifetime;
			this.#db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id)).run();
			return { valid: true, session: toStored({ ...row, expiresAt }), extended: true };
		}
		return { valid: true, session: toStored(row), extended: false };
	}

	invalidate(sessionId: string): void {
		this.#db.delete(sessions).where(eq(sessions.id, sessionId)).run();
	}

	invalidateUser(userId: string): void {
		this.#db.delete(sessions).where(eq(sessions.userId, userId)).run();
	}

	purgeExpired(): number {
		return this.#db
			.delete(sessions)
			.where(lt(sessions.expiresAt, this.#now() + 1))
			.run().changes;
	}

	close(): void {
		this.#sqlite.close();
	}
}
