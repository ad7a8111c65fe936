// SQLite failures as readable values (STYLE.md, 4): a register the bridge
// cannot write must stop the sync loudly and say what to do (issue 4), so
// each error names the file, SQLite's code and the remedy.
import Database from 'better-sqlite3';
import { err, ok, type Result } from '../../policies/result.ts';
import type { RegisterError } from './types.ts';

const REMEDIES: Readonly<Record<string, string>> = {
	SQLITE_FULL: 'the disk is full: free space on its volume; the bridge retries on its own',
	SQLITE_READONLY: 'the file (or its folder) is read-only for the bridge: make both writable by its user; the bridge retries on its own',
	SQLITE_BUSY:
		'another process holds a write lock on it: stop that process (only the bridge writes the register); the bridge retries on its own',
	SQLITE_LOCKED: 'another connection holds a lock on it: stop that process; the bridge retries on its own',
	SQLITE_CANTOPEN: 'the file cannot be opened: check that its folder exists and that the bridge may write there',
	SQLITE_PERM: 'the operating system denies access: check the file’s permissions',
	SQLITE_CORRUPT: 'the file is damaged: restore it from a backup',
	SQLITE_NOTADB: 'the file is not an SQLite database: check the path',
	SQLITE_IOERR: 'the disk reported an I/O error: check the volume; the bridge retries on its own',
};

/** Turns an exception from better-sqlite3 (or anything thrown inside a transaction) into an error value. */
export function registerError(file: string, doing: string, thrown: unknown): RegisterError {
	if (thrown instanceof Database.SqliteError) {
		const base = thrown.code.startsWith('SQLITE_IOERR') ? 'SQLITE_IOERR' : thrown.code;
		const remedy = REMEDIES[base] ?? 'see the SQLite message';
		return {
			code: thrown.code,
			message: `register ${file}: could not ${doing} (${thrown.code}: ${thrown.message}); ${remedy}`,
		};
	}
	const message = thrown instanceof Error ? thrown.message : String(thrown);
	return { code: 'REGISTER_FAILED', message: `register ${file}: could not ${doing} (${message})` };
}

/** A register store's way to run its work: the result, or the SQLite failure as a value naming the file and what was being done. */
export type RegisterWork = <T>(doing: string, work: () => T) => Result<T, RegisterError>;

/** Runs each piece of work as it is (one statement, or reads that need no transaction). */
export function registerWork(file: string): RegisterWork {
	return <T>(doing: string, work: () => T): Result<T, RegisterError> => {
		try {
			return ok(work());
		} catch (thrown) {
			return err(registerError(file, doing, thrown));
		}
	};
}

/** Runs each piece of work in one transaction of `sqlite`. */
export function registerTransactions(file: string, sqlite: Database.Database): RegisterWork {
	const attempt = registerWork(file);
	return <T>(doing: string, work: () => T): Result<T, RegisterError> => attempt(doing, () => sqlite.transaction(work)());
}
