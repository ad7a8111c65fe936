import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS, SESSION_LIFETIME_MS, SqliteSessionStore } from './store.ts';
import { sessionIdOf } from './token.ts';

let folder: string;
let path: string;
let now: number;
const open = () => {
	const store = SqliteSessionStore.open(path, { now: () => now });
	if (!store.ok) throw new Error(store.error);
	return store.value;
};
const carlos = { userId: '@carlos.mendez:127.0.20.1:28448', deviceId: 'DEVICE', homeserverId: 'gt-mp', secure: false };

beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'rogatory-sessions-'));
	path = join(folder, 'web', 'sessions.sqlite');
	now = Date.UTC(2026, 0, 1);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('the session store', () => {
	it('creates a session that validates, keeping only the token hash on disk', () => {
		const store = open();
		const { token, session } = store.create(carlos);
		expect(session).toMatchObject({ ...carlos, createdAt: now, expiresAt: now + SESSION_LIFETIME_MS });
		const validation = store.validate(token);
		expect(validation).toEqual({ valid: true, session, extended: false });
		store.close();
		const raw = new Database(path, { readonly: true });
		const rows = raw.prepare('SELECT * FROM sessions').all() as Record<string, unknown>[];
		raw.close();
		expect(rows).toHaveLength(1);
		expect(rows[0]?.['id']).toBe(sessionIdOf(token));
		expect(JSON.stringify(rows)).not.toContain(token);
	});

	it('keeps sessions across a restart (same file)', () => {
		const first = open();
		const { token } = first.create(carlos);
		first.close();
		const second = open();
		expect(second.validate(token).valid).toBe(true);
		second.close();
	});

	it('refuses unknown, malformed and tampered tokens', () => {
		const store = open();
		const { token } = store.create(carlos);
		expect(store.validate('')).toEqual({ valid: false, reason: 'malformed' });
		expect(store.validate(token.toUpperCase())).toEqual({ valid: false, reason: 'malformed' });
		const other = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
		expect(store.validate(other)).toEqual({ valid: false, reason: 'unknown' });
		// The stored hash itself is no token.
		expect(store.validate(sessionIdOf(token))).toEqual({ valid: false, reason: 'malformed' });
		store.close();
	});

	it('does not extend a session in the first half of its life', () => {
		const store = open();
		const { token, session } = store.create(carlos);
		now += 14 * DAY_MS;
		const validation = store.validate(token);
		expect(validation).toMatchObject({ valid: true, extended: false, session: { expiresAt: session.expiresAt } });
		store.close();
	});

	it('extends a session by a full lifetime once less than half of it remains (sliding expiry)', () => {
		const store = open();
		const { token, session } = store.create(carlos);
		now += 16 * DAY_MS;
		const validation = store.validate(token);
		expect(validation).toMatchObject({ valid: true, extended: true, session: { expiresAt: now + SESSION_LIFETIME_MS } });
		// Extended on disk too: valid again 29 days later, 45 days after creation.
		now += 29 * DAY_MS;
		expect(store.validate(token)).toMatchObject({ valid: true });
		expect(now - session.createdAt).toBeGreaterThan(SESSION_LIFETIME_MS);
		store.close();
	});

	it('expires an unused session and deletes it', () => {
		const store = open();
		const { token, session } = store.create(carlos);
		now = session.expiresAt;
		expect(store.validate(token)).toEqual({ valid: false, reason: 'expired' });
		now = session.createdAt;
		expect(store.validate(token)).toEqual({ valid: false, reason: 'unknown' });
		store.close();
	});

	it('invalidates one session, or all of a user', () => {
		const store = open();
		const a = store.create(carlos);
		const b = store.create(carlos);
		const other = store.create({ ...carlos, userId: '@ana.lopez:127.0.20.1:28448' });
		store.invalidate(a.session.id);
		expect(store.validate(a.token).valid).toBe(false);
		expect(store.validate(b.token).valid).toBe(true);
		store.invalidateUser(carlos.userId);
		expect(store.validate(b.token).valid).toBe(false);
		expect(store.validate(other.token).valid).toBe(true);
		store.close();
	});

	it('purges expired sessions', () => {
		const store = open();
		store.create(carlos);
		now += 10 * DAY_MS;
		const recent = store.create(carlos);
		now += 25 * DAY_MS;
		expect(store.purgeExpired()).toBe(1);
		expect(store.validate(recent.token).valid).toBe(true);
		store.close();
	});
});
