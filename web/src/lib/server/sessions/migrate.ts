// Brings a session database up to this build's schema when it is opened.
// The migrations are drizzle-kit's (generated from schema.ts with
//   npx drizzle-kit generate --dialect sqlite --schema ./web/src/lib/server/sessions/schema.ts \
//     --out ./web/src/lib/server/sessions/migrations --name <what changed>
// and never edited once landed). NOTE: they are bundled into the server build
// through Vite's import.meta.glob rather than read from a folder at run time:
// adapter-node's build/ carries no source files, so drizzle's folder-reading
// migrator would find nothing there. A database that names a migration this
// build does not know is newer than the build: it is refused, not touched.
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { err, ok, type Result } from '#policies/result.ts';

export interface Migration {
	readonly tag: string;
	readonly statements: readonly string[];
	readonly hash: string;
}

interface Journal {
	readonly entries: readonly { readonly idx: number; readonly tag: string }[];
}

const journal = import.meta.glob<Journal>('./migrations/meta/_journal.json', { eager: true, import: 'default' });
const files = import.meta.glob<string>('./migrations/*.sql', { eager: true, query: '?raw', import: 'default' });

/** The migrations this build carries, in the journal's order. */
export function bundledMigrations(): readonly Migration[] {
	const entries = Object.values(journal)[0]?.entries ?? [];
	return [...entries]
		.sort((a, b) => a.idx - b.idx)
		.map(({ tag }) => {
			const sql = files[`./migrations/${tag}.sql`];
			if (sql === undefined) throw new Error(`the session migrations' journal names ${tag}, whose .sql file is missing`);
			return {
				tag,
				hash: createHash('sha256').update(sql).digest('hex'),
				statements: sql
					.split('--> statement-breakpoint')
					.map((statement) => statement.trim())
					.filter((statement) => statement !== ''),
			};
		});
}

const LEDGER = 'rogatory_migrations';

/** Applies the migrations the database has not seen, each in its own transaction. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = bundledMigrations()): Result<void, string> {
	db.exec(`CREATE TABLE IF NOT EXISTS ${LEDGER} (tag TEXT PRIMARY KEY NOT NULL, hash TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
	const applied = db.prepare(`SELECT tag, hash FROM ${LEDGER}`).all() as { tag: string; hash: string }[];
	const known = new Map(migrations.map((migration) => [migration.tag, migration]));
	for (const row of applied) {
		const migration = known.get(row.tag);
		if (migration === undefined)
			return err(`the database was migrated by a newer version (it has ${row.tag}, unknown to this build); refusing to use it`);
		if (migration.hash !== row.hash) return err(`the migration ${row.tag} was edited after it was applied to this database`);
	}
	const done = new Set(applied.map((row) => row.tag));
	const record = db.prepare(`INSERT INTO ${LEDGER} (tag, hash, applied_at) VALUES (?, ?, ?)`);
	for (const migration of migrations) {
		if (done.has(migration.tag)) continue;
		db.transaction(() => {
			for (const statement of migration.statements) db.exec(statement);
			record.run(migration.tag, migration.hash, Date.now());
		})();
	}
	return ok(undefined);
}
