import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledMigrations, migrate } from './migrate.ts';
import { SqliteSessionStore } from './store.ts';

let folder: string;
beforeEach(() => void (folder = mkdtempSync(join(tmpdir(), 'rogatory-migrate-'))));
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('session database migrations', () => {
	it('are bundled from drizzle-kit’s journal, in order', () => {
		const migrations = bundledMigrations();
		expect(migrations[0]?.tag).toBe('0000_sessions');
		expect(migrations[0]?.statements.some((s) => s.startsWith('CREATE TABLE `sessions`'))).toBe(true);
	});

	it('apply once; opening again changes nothing', () => {
		const path = join(folder, 'sessions.sqlite');
		for (let i = 0; i < 2; i++) {
			const store = SqliteSessionStore.open(path);
			expect(store.ok).toBe(true);
			if (store.ok) store.value.close();
		}
		const db = new Database(path);
		expect(db.prepare('SELECT tag FROM rogatory_migrations ORDER BY tag').all()).toEqual([
			{ tag: '0000_sessions' },
			{ tag: '0001_revalidation' },
			{ tag: '0002_end_sessions_without_token' },
		]);
		db.close();
	});

	it('end the sessions made before re-validation existed (they hold no Matrix token to ask about)', () => {
		const path = join(folder, 'sessions.sqlite');
		const db = new Database(path);
		const [first] = bundledMigrations();
		if (first === undefined) throw new Error('no migration');
		expect(migrate(db, [first]).ok).toBe(true);
		db.prepare(
			'INSERT INTO sessions (id, user_id, device_id, homeserver_id, created_at, expires_at, secure) VALUES (?, ?, ?, ?, ?, ?, ?)',
		).run('a'.repeat(64), '@carlos.mendez:127.0.20.1:28448', 'D', 'gt-mp', Date.now(), Date.now() + 1e9, 0);
		db.close();
		const store = SqliteSessionStore.open(path);
		if (!store.ok) throw new Error(store.error);
		store.value.close();
		const after = new Database(path, { readonly: true });
		expect(after.prepare('SELECT COUNT(*) AS n FROM sessions').get()).toEqual({ n: 0 });
		after.close();
	});

	it('refuse a database migrated by a newer version', () => {
		const path = join(folder, 'sessions.sqlite');
		const db = new Database(path);
		expect(migrate(db).ok).toBe(true);
		db.prepare('INSERT INTO rogatory_migrations (tag, hash, applied_at) VALUES (?, ?, ?)').run('9999_future', 'x', 0);
		db.close();
		const store = SqliteSessionStore.open(path);
		expect(store.ok).toBe(false);
		if (!store.ok) expect(store.error).toContain('9999_future');
	});

	it('refuse a migration edited after it was applied', () => {
		const db = new Database(join(folder, 'sessions.sqlite'));
		const [first] = bundledMigrations();
		if (first === undefined) throw new Error('no migration');
		expect(migrate(db, [first]).ok).toBe(true);
		const edited = migrate(db, [{ ...first, hash: 'edited' }]);
		expect(edited).toEqual({ ok: false, error: expect.stringContaining('0000_sessions') as unknown });
		db.close();
	});
});
