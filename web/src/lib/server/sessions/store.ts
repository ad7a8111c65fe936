// The session store over SQLite (drizzle + better-sqlite3): create a session
// for a verified Matrix user (its access token sealed under the session token,
// token-seal.ts), validate a token (sliding expiry, as Lucia does: a session
// used when less than half its idle lifetime remains is extended — but never
// past its absolute lifetime from creation), record what the homeserver said
// at each re-check, and end one session, all of a user's, or all of a person's
// for an administrator (whose devices then get no new session). The clock is
// injected so expiry is tested without waiting.
import Database from 'better-sqlite3';
import { and, asc, count, eq, gt, inArray, lte, max, or } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { err, ok, type Result } from '#policies/result.ts';
import { migrate } from './migrate.ts';
import { endedDevices, sessions, type SessionRow } from './schema.ts';
import { HOUR_MS, MAX_SESSIONS_PER_USER, MINUTE_MS, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './settings.ts';
import { generateSessionToken, looksLikeToken, sessionIdOf } from './token.ts';
import { openMatrixToken, sealMatrixToken } from './token-seal.ts';

export interface NewSession {
	readonly userId: string;
	readonly deviceId: string | undefined;
	readonly homeserverId: string;
	readonly secure: boolean;
	/** The access token the homeserver just confirmed; kept only sealed. */
	readonly matrixToken: string;
}

export interface StoredSession {
	readonly id: string;
	readonly userId: string;
	readonly deviceId: string | undefined;
	readonly homeserverId: string;
	readonly createdAt: number;
	readonly expiresAt: number;
	readonly secure: boolean;
	/** When the homeserver last confirmed the token (at creation, then at each successful re-check). */
	readonly confirmedAt: number;
	/** When the homeserver was last asked. */
	readonly checkedAt: number;
}

export type Validation =
	| { readonly valid: true; readonly session: StoredSession; readonly extended: boolean }
	| { readonly valid: false; readonly reason: 'malformed' | 'unknown' | 'expired' | 'no-token' | 'tampered' };

/** One person's active sessions, for the administrators' page. */
export interface SessionActivity {
	readonly userId: string;
	readonly sessions: number;
	/** Milliseconds since the epoch; undefined when never used since it was made. */
	readonly lastSeenAt: number | undefined;
}

export interface SessionStore {
	/** A new session; the token is for the cookie and is not kept anywhere. */
	create(session: NewSession): { readonly token: string; readonly session: StoredSession };
	validate(token: string): Validation;
	/** The Matrix token a session was made with, opened with the session's own token. */
	matrixToken(token: string): Result<string, 'unknown' | 'unreadable'>;
	/** Records a re-check: when asked, and whether the homeserver confirmed. */
	recordCheck(sessionId: string, at: number, confirmed: boolean): void;
	invalidate(sessionId: string): void;
	/** Ends every session of a user; returns how many there were. */
	invalidateUser(userId: string): number;
	/** An administrator ends every session of a person; their devices get no new one. Returns how many there were. */
	endPerson(userId: string, endedBy: string): number;
	/** Whether an administrator ended this device's sessions. */
	deviceEnded(userId: string, deviceId: string | undefined): boolean;
	/** Active sessions per user on one homeserver. */
	activity(homeserverId: string): readonly SessionActivity[];
	/** Deletes expired sessions (validation deletes them too, one at a time). */
	purgeExpired(): number;
	close(): void;
}

export interface StoreOptions {
	readonly now?: () => number;
	readonly idleMs?: number;
	readonly absoluteMs?: number;
	readonly maxPerUser?: number;
}

const bindingOf = (row: SessionRow) => ({ sessionId: row.id, userId: row.userId, deviceId: row.deviceId ?? undefined });

const toStored = (row: SessionRow): StoredSession => ({
	id: row.id,
	userId: row.userId,
	deviceId: row.deviceId ?? undefined,
	homeserverId: row.homeserverId,
	createdAt: row.createdAt,
	expiresAt: row.expiresAt,
	secure: row.secure,
	confirmedAt: row.confirmedAt ?? row.createdAt,
	checkedAt: row.checkedAt ?? row.createdAt,
});

/** "Last seen" is kept to the minute: a write per request would cost more than it tells. */
const LAST_SEEN_STEP_MS = MINUTE_MS;
const PURGE_EVERY_MS = HOUR_MS;

export class SqliteSessionStore implements SessionStore {
	readonly #sqlite: Database.Database;
	readonly #db: BetterSQLite3Database;
	readonly #now: () => number;
	readonly #idle: number;
	readonly #absolute: number;
	readonly #maxPerUser: number;
	#lastPurge = 0;

	private constructor(sqlite: Database.Database, options: StoreOptions) {
		this.#sqlite = sqlite;
		this.#db = drizzle(sqlite);
		this.#now = options.now ?? Date.now;
		this.#idle = options.idleMs ?? SESSION_IDLE_MS;
		this.#absolute = options.absoluteMs ?? SESSION_ABSOLUTE_MS;
		this.#maxPerUser = options.maxPerUser ?? MAX_SESSIONS_PER_USER;
	}

	/** Opens (creating it and its folder if needed) and migrates the database at `path`. */
	static open(path: string, options: StoreOptions = {}): Result<SqliteSessionStore, string> {
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
		return ok(new SqliteSessionStore(sqlite, options));
	}

	create(session: NewSession): { token: string; session: StoredSession } {
		const token = generateSessionToken();
		const now = this.#now();
		const id = sessionIdOf(token);
		const row: SessionRow = {
			id,
			userId: session.userId,
			deviceId: session.deviceId ?? null,
			homeserverId: session.homeserverId,
			createdAt: now,
			expiresAt: now + Math.min(this.#idle, this.#absolute),
			secure: session.secure,
			matrixToken: sealMatrixToken(token, { sessionId: id, userId: session.userId, deviceId: session.deviceId }, session.matrixToken),
			confirmedAt: now,
			checkedAt: now,
			lastSeenAt: now,
		};
		this.#sqlite.transaction(() => {
			this.#db.insert(sessions).values(row).run();
			this.#keepNewest(session.userId);
		})();
		if (now - this.#lastPurge >= PURGE_EVERY_MS) this.purgeExpired();
		return { token, session: toStored(row) };
	}

	/** NOTE: bounds the table per person: a valid Matrix token could otherwise mint rows without end. */
	#keepNewest(userId: string): void {
		const rows = this.#db
			.select({ id: sessions.id })
			.from(sessions)
			.where(eq(sessions.userId, userId))
			.orderBy(asc(sessions.createdAt), asc(sessions.id))
			.all();
		const excess = rows.slice(0, Math.max(0, rows.length - this.#maxPerUser)).map((r) => r.id);
		if (excess.length > 0) this.#db.delete(sessions).where(inArray(sessions.id, excess)).run();
	}

	validate(token: string): Validation {
		if (!looksLikeToken(token)) return { valid: false, reason: 'malformed' };
		const id = sessionIdOf(token);
		const row = this.#db.select().from(sessions).where(eq(sessions.id, id)).get();
		if (row === undefined) return { valid: false, reason: 'unknown' };
		const now = this.#now();
		const end = row.createdAt + this.#absolute;
		if (now >= row.expiresAt || now >= end) {
			this.invalidate(id);
			return { valid: false, reason: 'expired' };
		}
		if (row.matrixToken === null) {
			this.invalidate(id);
			return { valid: false, reason: 'no-token' };
		}
		// NOTE: checked on every request, not only at re-checks: a row whose user or
		// device was rewritten in the database ends at once (cheap: HKDF + AES-GCM).
		if (!openMatrixToken(token, bindingOf(row), row.matrixToken).ok) {
			this.invalidate(id);
			return { valid: false, reason: 'tampered' };
		}
		const extend = now >= row.expiresAt - this.#idle / 2 ? Math.min(now + this.#idle, end) : row.expiresAt;
		const seen = row.lastSeenAt === null || now - row.lastSeenAt >= LAST_SEEN_STEP_MS ? now : row.lastSeenAt;
		if (extend !== row.expiresAt || seen !== row.lastSeenAt)
			this.#db.update(sessions).set({ expiresAt: extend, lastSeenAt: seen }).where(eq(sessions.id, id)).run();
		return { valid: true, session: toStored({ ...row, expiresAt: extend }), extended: extend > row.expiresAt };
	}

	matrixToken(token: string): Result<string, 'unknown' | 'unreadable'> {
		if (!looksLikeToken(token)) return err('unknown');
		const id = sessionIdOf(token);
		const row = this.#db.select().from(sessions).where(eq(sessions.id, id)).get();
		if (row === undefined) return err('unknown');
		if (row.matrixToken === null) return err('unreadable');
		return openMatrixToken(token, bindingOf(row), row.matrixToken);
	}

	recordCheck(sessionId: string, at: number, confirmed: boolean): void {
		this.#db
			.update(sessions)
			.set(confirmed ? { checkedAt: at, confirmedAt: at } : { checkedAt: at })
			.where(eq(sessions.id, sessionId))
			.run();
	}

	invalidate(sessionId: string): void {
		this.#db.delete(sessions).where(eq(sessions.id, sessionId)).run();
	}

	invalidateUser(userId: string): number {
		return this.#db.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
	}

	endPerson(userId: string, endedBy: string): number {
		const now = this.#now();
		return this.#sqlite.transaction(() => {
			const devices = this.#db.select({ deviceId: sessions.deviceId }).from(sessions).where(eq(sessions.userId, userId)).all();
			for (const { deviceId } of devices)
				if (deviceId !== null)
					this.#db.insert(endedDevices).values({ userId, deviceId, endedAt: now, endedBy }).onConflictDoNothing().run();
			return this.invalidateUser(userId);
		})();
	}

	deviceEnded(userId: string, deviceId: string | undefined): boolean {
		if (deviceId === undefined) return false;
		return (
			this.#db
				.select({ userId: endedDevices.userId })
				.from(endedDevices)
				.where(and(eq(endedDevices.userId, userId), eq(endedDevices.deviceId, deviceId)))
				.get() !== undefined
		);
	}

	activity(homeserverId: string): readonly SessionActivity[] {
		const now = this.#now();
		return this.#db
			.select({ userId: sessions.userId, sessions: count(), lastSeenAt: max(sessions.lastSeenAt) })
			.from(sessions)
			.where(and(eq(sessions.homeserverId, homeserverId), gt(sessions.expiresAt, now), gt(sessions.createdAt, now - this.#absolute)))
			.groupBy(sessions.userId)
			.all()
			.map((row) => ({ userId: row.userId, sessions: row.sessions, lastSeenAt: row.lastSeenAt ?? undefined }));
	}

	purgeExpired(): number {
		const now = this.#now();
		this.#lastPurge = now;
		return this.#db
			.delete(sessions)
			.where(or(lte(sessions.expiresAt, now), lte(sessions.createdAt, now - this.#absolute)))
			.run().changes;
	}

	close(): void {
		this.#sqlite.close();
	}
}
