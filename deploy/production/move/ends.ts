// The two ends of a move off SQLite, read from each homeserver.yaml: the
// server that ran on SQLite (its database file, media store, signing key)
// and the installation on PostgreSQL it moves into (its database, media
// store, signing key). Relative paths are taken from the folder of the file
// that names them, as Synapse takes them. Pure.
import { isAbsolute, join } from 'node:path';
import { err, ok, type Result } from '../../../policies/result.ts';
import type { DatabaseTarget } from '../backup/layout.ts';

export interface MoveSource {
	readonly serverName: string;
	/** The SQLite database file. */
	readonly database: string;
	readonly mediaStore: string;
	readonly signingKey: string;
}

export interface MoveTarget {
	readonly serverName: string;
	readonly database: DatabaseTarget;
	readonly mediaStore: string;
	readonly signingKey: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const record = (value: unknown): Record<string, unknown> =>
	typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

interface Common {
	readonly serverName: string;
	readonly database: Record<string, unknown>;
	readonly mediaStore: string;
	readonly signingKey: string;
}

function commonOf(homeserver: unknown, configDir: string, what: string): Result<Common, string> {
	const hs = record(homeserver);
	const at = (path: string) => (isAbsolute(path) ? path : join(configDir, path));
	const serverName = text(hs['server_name']);
	if (serverName === undefined) return err(`${what}: no server_name`);
	const media = text(hs['media_store_path']);
	if (media === undefined) return err(`${what}: no media_store_path`);
	const signingKey = text(hs['signing_key_path']);
	if (signingKey === undefined) return err(`${what}: no signing_key_path`);
	return ok({ serverName, database: record(hs['database']), mediaStore: at(media), signingKey: at(signingKey) });
}

/** The server on SQLite, from its homeserver.yaml (parsed) and the folder it is in. */
export function sourceOf(homeserver: unknown, configDir: string): Result<MoveSource, string> {
	const what = 'the SQLite server’s homeserver.yaml';
	const common = commonOf(homeserver, configDir, what);
	if (!common.ok) return common;
	if (common.value.database['name'] !== 'sqlite3')
		return err(`${what}: its database is not SQLite (database.name sqlite3): there is nothing to move off`);
	const file = text(record(common.value.database['args'])['database']);
	if (file === undefined) return err(`${what}: database.args.database names no file`);
	const { serverName, mediaStore, signingKey } = common.value;
	return ok({ serverName, database: isAbsolute(file) ? file : join(configDir, file), mediaStore, signingKey });
}

/** The installation on PostgreSQL, from its homeserver.yaml (parsed) and the folder it is in. */
export function targetOf(homeserver: unknown, configDir: string): Result<MoveTarget, string> {
	const what = 'the installation’s homeserver.yaml';
	const common = commonOf(homeserver, configDir, what);
	if (!common.ok) return common;
	if (common.value.database['name'] !== 'psycopg2') return err(`${what}: its database is not PostgreSQL (database.name psycopg2)`);
	const args = record(common.value.database['args']);
	const host = text(args['host']);
	const name = text(args['dbname'] ?? args['database']);
	const user = text(args['user']);
	const port = args['port'];
	if (host === undefined || name === undefined || user === undefined) return err(`${what}: database.args needs host, dbname and user`);
	if (port !== undefined && (typeof port !== 'number' || !Number.isInteger(port)))
		return err(`${what}: database.args.port is not a number`);
	const { serverName, mediaStore, signingKey } = common.value;
	return ok({ serverName, database: { host, port, name, user }, mediaStore, signingKey });
}
