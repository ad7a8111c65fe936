import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '#policies/result.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './settings.ts';
import { SqliteSessionStore } from './store.ts';
import { sessionIdOf } from './token.ts';

let folder: string;
let path: string;
let now: number;
const open = (options: { maxPerUser?: number } = {}) => {
	const store = SqliteSessionStore.open(path, { now: () => now, ...options });
	if (!store.ok) throw new Error(store.error);
	return store.value;
};
const matrixToken = 'syt_Y2FybG9z_matrixsecret_0abcde';
const carlos = { userId: '@carlos.mendez:127.0.20.1:28448', deviceId: 'DEVICE', homeserverId: 'gt-mp', secure: false, matrixToken };
const ana = { ...carlos, userId: '@ana.lopez:127.0.20.1:28448', deviceId: 'ANADEV' };

beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'rogatory-sessions-'));
	path = join(folder, 'web', 'sessions.sqlite');
	now = Date.UTC(2026, 0, 1);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function rawRows(): Record<string, unknown>[] {
	const raw = new Database(path, { readonly: true });
	const rows = raw.prepare('SELECT * FROM sessions').all() as Record<string, unknown>[];
	raw.close();
	return rows;
}

describe('the session store', () => {
	it('creates a session that validates, keeping on disk neither the session token nor the Matrix token', () => {
		const store = open();
		const { token, session } = store.create(carlos);
		const { matrixToken: _, ...shown } = carlos;
		expect(session).toMatchObject({ ...shown, createdAt: now, expiresAt: now + SESSION_IDLE_MS, confirmedAt: now, checkedAt: now });
		expect(store.validate(token)).toEqual({ valid: true, session, extended: false });
		expect(store.matrixToken(token)).toEqual(ok(matrixToken));
		store.close();
		const rows = rawRows();
		expect(rows).toHaveLength(1);
		expect(rows[0]?.['id']).toBe(sessionIdOf(token));
		const everything = Buffer.concat(
			rows.flatMap((row) => Object.values(row).map((v) => (Buffer.isBuffer(v) ? v : Buffer.from(String(v))))),
		);
		expect(everything.includes(Buffer.from(token))).toBe(false);
		expect(everything.includes(Buffer.from(matrixToken))).toBe(false);
	});

	it('keeps sessions across a restart (same file)', () => {
		const first = open();
		const { token } = first.create(carlos);
		first.close();
		const second = open();
		expect(second.validate(token).valid).toBe(true);
		expect(second.matrixToken(token)).toEqual(ok(matrixToken));
		second.close();
	});

	it('refuses unknown, malformed and tampered tokens', () => {
		const store = open();
		const { token } = store.create(carlos);
		expect(store.validate('')).toEqual({ valid: false, reason: 'malformed' });
		expect(store.validate(token.toUpperCase())).toEqual({ valid: false, reason: 'malformed' });
		const other = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
		expect(store.validate(other)).toEqual({ valid: false, reason: 'unknown' });
		expect(store.matrixToken(other)).toEqual(err('unknown'));
		// The stored hash itself is no token.
		expect(store.validate(sessionIdOf(token))).toEqual({ valid: false, reason: 'malformed' });
		store.close();
	});

	it('does not extend a session in the first half of its idle lifetime', () => {
		const store = open();
		const { token, session } = store.create(carlos);
		now += SESSION_IDLE_MS / 2 - MINUTE_MS;
		expect(store.validate(token)).toMatchObject({ valid: true, extended: false, session: { expiresAt: session.expiresAt } });
		store.close();
	});

	it('extends a session used in the second half of its idle lifetime, on disk too', () => {
		const store = open();
		const { token } = store.create(carlos);
		now += SESSION_IDLE_MS / 2 + MINUTE_MS;
		expect(store.validate(token)).toMatchObject({ valid: true, extended: true, session: { expiresAt: now + SESSION_IDLE_MS } });
		now += SESSION_IDLE_MS - MINUTE_MS;
		expect(store.validate(token)).toMatchObject({ valid: true });
		store.close();
	});

	it('never lets a session slide past its absolute lifetime from creation', () => {
		const store = open();
		const { token, session } = store.create(carlos);
		const end = session.createdAt + SESSION_ABSOLUTE_MS;
		// Used every 20 hours: it slides, and the last extension stops at the absolute end.
		let last = session.expiresAt;
		while (now + 20 * HOUR_MS < end) {
			now += 20 * HOUR_MS;
			const validation = store.validate(token);
			if (!validation.valid) throw new Error(`ended early at ${(now - session.createdAt) / DAY_MS} days`);
			expect(validation.session.expiresAt).toBeLessThanOrEqual(end);
			last = validation.session.expiresAt;
		}
		expect(last).toBe(end);
		now = end - 1;
		expect(store.validate(token).valid).toBe(true);
		now = end;
		expect(store.validate(token)).toEqual({ valid: false, reason: 'expired' });
		expect(rawRows()).toEqual([]);
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

	it('ends a session that holds no sealed token (made before re-validation existed)', () => {
		const store = open();
		const { token } = store.create(carlos);
		store.close();
		const raw = new Database(path);
		raw.prepare('UPDATE sessions SET matrix_token = NULL').run();
		raw.close();
		const again = open();
		expect(again.validate(token)).toEqual({ valid: false, reason: 'no-token' });
		expect(again.validate(token)).toEqual({ valid: false, reason: 'unknown' });
		again.close();
	});

	it('ends at once a session whose row was rewritten to another user or device (its seal no longer opens)', () => {
		const store = open();
		const { token } = store.create(carlos);
		store.close();
		const raw = new Database(path);
		raw.prepare('UPDATE sessions SET user_id = ?, device_id = ?').run(ana.userId, ana.deviceId);
		raw.close();
		const again = open();
		expect(again.matrixToken(token)).toEqual(err('unreadable'));
		expect(again.validate(token)).toEqual({ valid: false, reason: 'tampered' });
		expect(again.validate(token)).toEqual({ valid: false, reason: 'unknown' });
		again.close();
	});

	it('records re-checks: when asked, and when confirmed', () => {
		const store = open();
		const { token, session } = store.create(carlos);
		now += 10 * MINUTE_MS;
		store.recordCheck(session.id, now, false);
		expect(store.validate(token)).toMatchObject({ session: { confirmedAt: session.createdAt, checkedAt: now } });
		now += MINUTE_MS;
		store.recordCheck(session.id, now, true);
		expect(store.validate(token)).toMatchObject({ session: { confirmedAt: now, checkedAt: now } });
		store.close();
	});

	it('invalidates one session, or all of a user', () => {
		const store = open();
		const a = store.create(carlos);
		const b = store.create(carlos);
		const other = store.create(ana);
		store.invalidate(a.session.id);
		expect(store.validate(a.token).valid).toBe(false);
		expect(store.validate(b.token).valid).toBe(true);
		expect(store.invalidateUser(carlos.userId)).toBe(1);
		expect(store.validate(b.token).valid).toBe(false);
		expect(store.validate(other.token).valid).toBe(true);
		store.close();
	});

	it('ends every session of a person for an administrator, and remembers their devices', () => {
		const store = open();
		store.create(carlos);
		store.create({ ...carlos, deviceId: 'LAPTOP' });
		const other = store.create(ana);
		expect(store.deviceEnded(carlos.userId, 'DEVICE')).toBe(false);
		expect(store.endPerson(carlos.userId, '@admin:127.0.20.1:28448')).toBe(2);
		expect(store.deviceEnded(carlos.userId, 'DEVICE')).toBe(true);
		expect(store.deviceEnded(carlos.userId, 'LAPTOP')).toBe(true);
		expect(store.deviceEnded(carlos.userId, 'NEWDEVICE')).toBe(false);
		expect(store.deviceEnded(ana.userId, 'ANADEV')).toBe(false);
		expect(store.deviceEnded(carlos.userId, undefined)).toBe(false);
		expect(store.validate(other.token).valid).toBe(true);
		expect(store.endPerson(carlos.userId, '@admin:127.0.20.1:28448')).toBe(0);
		store.close();
	});

	it('keeps at most a bounded number of sessions per user, ending the oldest', () => {
		const store = open({ maxPerUser: 3 });
		const made = [];
		for (let i = 0; i < 5; i++) {
			made.push(store.create(carlos));
			now += 1;
		}
		const other = store.create(ana);
		expect(made.map((m) => store.validate(m.token).valid)).toEqual([false, false, true, true, true]);
		expect(store.validate(other.token).valid).toBe(true);
		store.close();
	});

	it('counts active sessions and last use per user of a homeserver', () => {
		const store = open();
		const first = store.create(carlos);
		now += 5 * MINUTE_MS;
		store.create(carlos);
		store.create(ana);
		store.create({ ...carlos, userId: '@amina.bello:127.0.20.2:28448', homeserverId: 'ng-ca' });
		now += 5 * MINUTE_MS;
		store.validate(first.token);
		const activity = [...store.activity('gt-mp')].sort((a, b) => a.userId.localeCompare(b.userId));
		expect(activity).toEqual([
			{ userId: ana.userId, sessions: 1, lastSeenAt: now - 5 * MINUTE_MS },
			{ userId: carlos.userId, sessions: 2, lastSeenAt: now },
		]);
		now += SESSION_IDLE_MS;
		expect(store.activity('gt-mp')).toEqual([]);
		store.close();
	});

	it('purges expired sessions', () => {
		const store = open();
		store.create(carlos);
		now += SESSION_IDLE_MS / 2;
		const recent = store.create(carlos);
		now += SESSION_IDLE_MS / 2 + MINUTE_MS;
		expect(store.purgeExpired()).toBe(1);
		expect(store.validate(recent.token).valid).toBe(true);
		store.close();
	});
});
