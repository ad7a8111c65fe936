import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRegister } from './register.ts';
import { batch, MLA_HISTORY, must, open, OTHER_HISTORY, REGISTER_CONTEXT, tempDir } from './testing.ts';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir()));
afterEach(() => temp.cleanup());

/** A register that ingested the MLA history under checkpoint "s1", closed. */
function written(file: string) {
	const register = open(file);
	must(register.ingest(batch(MLA_HISTORY, 's1', new Uint8Array([1, 1]))));
	const snapshot = must(register.snapshot());
	register.close();
	return snapshot;
}

describe('a register that cannot be written', () => {
	it('answers a read-only file with an error value naming the file, and moves nothing', () => {
		const file = temp.file('r.db');
		const before = written(file);
		const register = must(openRegister(file, REGISTER_CONTEXT, { readonly: true }));
		const refused = register.ingest(batch(OTHER_HISTORY, 's2', new Uint8Array([2])));
		expect(refused.ok).toBe(false);
		if (refused.ok) return;
		expect(refused.error.code).toBe('SQLITE_READONLY');
		expect(refused.error.message).toContain(file);
		expect(refused.error.message).toMatch(/read-only.*make both writable/);
		expect(must(register.readCheckpoint())).toEqual({ syncToken: 's1', store: new Uint8Array([1, 1]) });
		expect(must(register.snapshot())).toEqual(before);
		register.close();
	});

	it('answers a write lock held by another process with SQLITE_BUSY, and moves nothing', () => {
		const file = temp.file('r.db');
		const before = written(file);
		const register = must(openRegister(file, REGISTER_CONTEXT, { busyTimeoutMs: 0 }));
		const other = new Database(file);
		other.exec('BEGIN IMMEDIATE');
		const refused = register.ingest(batch(OTHER_HISTORY, 's2'));
		other.exec('ROLLBACK');
		other.close();
		expect(refused).toMatchObject({ ok: false, error: { code: 'SQLITE_BUSY' } });
		expect(must(register.readCheckpoint())?.syncToken).toBe('s1');
		expect(must(register.snapshot())).toEqual(before);
		register.close();
	});

	it('rolls back the events and derived rows already written when the checkpoint write fails', () => {
		const file = temp.file('r.db');
		const before = written(file);
		const raw = new Database(file);
		raw.exec("CREATE TRIGGER no_checkpoint BEFORE UPDATE ON checkpoint BEGIN SELECT RAISE(ABORT, 'disk gone'); END");
		raw.close();
		const register = open(file);
		const refused = register.ingest(batch(OTHER_HISTORY, 's2'));
		expect(refused).toMatchObject({ ok: false, error: { code: 'SQLITE_CONSTRAINT_TRIGGER' } });
		expect(refused.ok ? '' : refused.error.message).toMatch(/disk gone.*Nothing of this batch was written/);
		expect(must(register.snapshot())).toEqual(before);
		expect(must(register.readCheckpoint())?.syncToken).toBe('s1');
		register.close();
	});

	it('refuses to open a register written by a newer bridge', () => {
		const file = temp.file('r.db');
		written(file);
		const raw = new Database(file);
		raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 99_999_999_999_999);
		raw.close();
		expect(openRegister(file, REGISTER_CONTEXT)).toMatchObject({ ok: false, error: { code: 'REGISTER_NEWER' } });
		expect(openRegister(file, REGISTER_CONTEXT, { readonly: true })).toMatchObject({ ok: false, error: { code: 'REGISTER_VERSION' } });
	});

	it('answers a missing file opened read-only, and a folder that does not exist, with error values', () => {
		const missing = openRegister(temp.file('none.db'), REGISTER_CONTEXT, { readonly: true });
		expect(missing).toMatchObject({ ok: false, error: { code: 'SQLITE_CANTOPEN' } });
		const nowhere = openRegister(temp.file('no/such/folder/r.db'), REGISTER_CONTEXT);
		expect(nowhere).toMatchObject({ ok: false, error: { code: 'SQLITE_CANTOPEN' } });
	});
});
