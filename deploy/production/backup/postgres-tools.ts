// Synapse's PostgreSQL database, dumped and restored with PostgreSQL's own
// tools: pg_dump's custom format, without the data of e2e_one_time_keys_json
// (Synapse's docs, "Backups": restored one-time keys would be handed out
// again after their private halves were used and deleted, and sessions made
// with them would not decrypt — devices upload fresh ones when the count is
// low), restored with pg_restore into an empty database only.
import { join } from 'node:path';
import { err, ok, type Result } from '../../../policies/result.ts';
import { lastLines, run } from '../../process/run.ts';
import type { DatabaseTarget } from './layout.ts';

export const ONE_TIME_KEYS_TABLE = 'e2e_one_time_keys_json';

function connection(db: DatabaseTarget): string[] {
	return ['-h', db.host, ...(db.port === undefined ? [] : ['-p', String(db.port)]), '-U', db.user];
}

export async function dumpDatabase(bin: string, db: DatabaseTarget, file: string): Promise<Result<void, string>> {
	const dumped = await run(join(bin, 'pg_dump'), [
		...connection(db),
		'-Fc',
		'--no-password',
		`--exclude-table-data=${ONE_TIME_KEYS_TABLE}`,
		'-f',
		file,
		db.name,
	]);
	return dumped.code === 0 ? ok(undefined) : err(`pg_dump of ${db.name} failed:\n${lastLines(dumped.stderr, 6)}`);
}

/** How many tables the database's public schema holds; an error when it cannot be reached (or does not exist). */
export async function tableCount(bin: string, db: DatabaseTarget): Promise<Result<number, string>> {
	const names = await tableNames(bin, db);
	return names.ok ? ok(names.value.length) : names;
}

/** The names of the tables in the database's public schema; an error when it cannot be reached (or does not exist). */
export async function tableNames(bin: string, db: DatabaseTarget): Promise<Result<string[], string>> {
	const listed = await run(join(bin, 'psql'), [
		...connection(db),
		'--no-password',
		'-d',
		db.name,
		'-At',
		'-c',
		"SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
	]);
	if (listed.code !== 0) return err(`cannot reach the database ${db.name} on ${db.host}: ${lastLines(listed.stderr, 3)}`);
	return ok(listed.stdout.split('\n').filter((line) => line.trim() !== ''));
}

/** Runs SQL text in the database as its user, stopping at the first error. */
export async function runStatements(bin: string, db: DatabaseTarget, sql: string): Promise<Result<void, string>> {
	const ran = await run(join(bin, 'psql'), [...connection(db), '--no-password', '-d', db.name, '-v', 'ON_ERROR_STOP=1', '-q', '-f', '-'], {
		input: sql,
	});
	return ran.code === 0 ? ok(undefined) : err(`psql in ${db.name} failed:\n${lastLines(ran.stderr, 6)}`);
}

export async function restoreDatabase(bin: string, db: DatabaseTarget, file: string): Promise<Result<void, string>> {
	const restored = await run(join(bin, 'pg_restore'), [
		...connection(db),
		'--no-password',
		'--no-owner',
		'--exit-on-error',
		'-d',
		db.name,
		file,
	]);
	return restored.code === 0 ? ok(undefined) : err(`pg_restore into ${db.name} failed:\n${lastLines(restored.stderr, 6)}`);
}
