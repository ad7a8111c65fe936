// Schema migrations, applied when the bridge opens its register (STYLE.md, 7):
// drizzle-kit generated them into ./migrations; drizzle's migrator applies
// those the file has not seen. A register written by a newer bridge (a
// migration this code does not know) is refused rather than written with an
// older idea of its tables. Read-only opens apply nothing and need the file
// to be exactly at this code's version.
import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { fileURLToPath } from 'node:url';
import { err, ok, type Result } from '../../policies/result.ts';
import type { RegisterError } from './types.ts';
// NOTE: imported, not read from the folder, so that a bundle (the web app's
// server build reads registers) knows the schema version without the folder.
import journal from './migrations/meta/_journal.json' with { type: 'json' };

const FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** created_at of the newest migration the file has applied; 0 for a new file. */
function appliedVersion(sqlite: Database.Database): number {
	const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
	if (table === undefined) return 0;
	const row = sqlite.prepare('SELECT MAX(created_at) AS v FROM __drizzle_migrations').get() as { v: number | null };
	return Number(row.v ?? 0);
}

/** The newest migration this code knows: drizzle's migrator records each one's journal `when` as its created_at. */
function knownVersion(): number {
	return Math.max(0, ...journal.entries.map((entry) => entry.when));
}

export function migrateRegister(
	file: string,
	sqlite: Database.Database,
	db: BetterSQLite3Database<Record<string, unknown>>,
): Result<void, RegisterError> {
	const known = knownVersion();
	const applied = appliedVersion(sqlite);
	if (applied > known) {
		return err({
			code: 'REGISTER_NEWER',
			message: `register ${file}: it was written by a newer bridge (schema ${applied}, this one knows up to ${known}); run the newer bridge, or restore a backup`,
		});
	}
	migrate(db, { migrationsFolder: FOLDER });
	return ok(undefined);
}

export function checkVersion(file: string, sqlite: Database.Database): Result<void, RegisterError> {
	const known = knownVersion();
	const applied = appliedVersion(sqlite);
	if (applied === known) return ok(undefined);
	const problem =
		applied === 0
			? 'it is not a register (or is empty)'
			: applied < known
				? 'its schema is older than this code'
				: 'its schema is newer than this code';
	return err({ code: 'REGISTER_VERSION', message: `register ${file}: ${problem}; start the bridge on it once (it migrates at start)` });
}
