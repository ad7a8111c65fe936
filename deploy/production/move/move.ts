// One pass of a move off SQLite into an installation on PostgreSQL
// (Synapse's docs/postgres.md, "Porting from SQLite"). Without `final`,
// while the old server runs: a snapshot of its SQLite file (SQLite's online
// backup: consistent, the same row ids) is ported. With `final`, once it is
// stopped: the file itself, synapse_port_db copying only the rows that came
// since (it keeps its progress in the target, port_from_sqlite3). Each pass
// first checks everything (decide.ts) and writes nothing on a refusal; then
// puts the old signing key in place (Synapse's config check needs it),
// ports, and copies the media store's new files. The final pass leaves a
// record beside homeserver.yaml so the move is never run into a database
// Synapse has since written to.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { err, ok, type Result } from '../../../policies/result.ts';
import { copySqlite } from '../backup/files.ts';
import { runStatements, tableNames } from '../backup/postgres-tools.ts';
import { decideMove } from './decide.ts';
import type { MoveSource, MoveTarget } from './ends.ts';
import { copyMissing, placeSigningKey } from './files.ts';
import { runPortDb } from './port-db.ts';
import { raiseSequencesSql } from './sequences.ts';

export const MOVE_RECORD = 'moved-from-sqlite.json';

export interface MoveRequest {
	readonly source: MoveSource;
	readonly target: MoveTarget;
	/** The installation's homeserver.yaml: synapse_port_db reads its database section; the move's record goes beside it. */
	readonly targetConfig: string;
	readonly final: boolean;
	/** The installation's Synapse venv's python. */
	readonly python: string;
	readonly postgresBin: string;
	readonly log: (line: string) => void;
}

const readText = (path: string): string | undefined => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

function finishedAt(record: string): string | undefined {
	const text = readText(record);
	if (text === undefined) return undefined;
	try {
		const at = (JSON.parse(text) as { finishedAt?: unknown }).finishedAt;
		return typeof at === 'string' ? at : 'an unknown time';
	} catch {
		return 'an unknown time';
	}
}

export async function moveToPostgres(request: MoveRequest): Promise<Result<void, string>> {
	const { source, target, log } = request;
	if (!existsSync(source.database)) return err(`there is no SQLite database at ${source.database}`);
	const sourceKey = readText(source.signingKey);
	if (sourceKey === undefined)
		return err(`the SQLite server has no signing key at ${source.signingKey}: without it, no peer accepts the moved server`);
	const tables = await tableNames(request.postgresBin, target.database);
	if (!tables.ok)
		return err(`${tables.error}\nCreate the empty database first (create-database.sql, as the runbook says), then run the move again.`);
	const record = join(join(request.targetConfig, '..'), MOVE_RECORD);
	const pass = decideMove({
		source: { serverName: source.serverName, signingKey: sourceKey },
		target: {
			serverName: target.serverName,
			databaseName: target.database.name,
			signingKey: readText(target.signingKey),
			signingKeyPath: target.signingKey,
			tables: tables.value,
		},
		finishedAt: finishedAt(record),
		recordPath: record,
	});
	if (!pass.ok) return pass;

	const work = mkdtempSync(join(tmpdir(), 'rogatory-move-'));
	try {
		const what = request.final ? 'final pass: the old server stopped' : 'snapshot pass: the old server may run on';
		const more = pass.value === 'again' ? ', after an earlier pass' : '';
		log(`moving ${source.serverName} from ${source.database} to PostgreSQL (${target.database.name}) — ${what}${more}`);
		let sqlite = source.database;
		if (!request.final) {
			log('[1/4] a snapshot of the SQLite database (SQLite’s online backup)');
			sqlite = join(work, 'homeserver.db');
			await copySqlite(source.database, sqlite);
		} else log('[1/4] the SQLite database itself (Synapse must be stopped)');
		log(
			placeSigningKey(source.signingKey, target.signingKey)
				? `[2/4] the signing key → ${target.signingKey}`
				: '[2/4] the signing key is in place',
		);
		log(`[3/4] the database (synapse_port_db; ${pass.value === 'again' ? 'only what is new since the last pass' : 'every table'})`);
		const raise = () => runStatements(request.postgresBin, target.database, raiseSequencesSql());
		const raisedBefore = pass.value === 'again' ? await raise() : ok(undefined);
		if (!raisedBefore.ok) return raisedBefore;
		const ported = await runPortDb({ python: request.python, sqlite, postgresConfig: request.targetConfig, cwd: work, log });
		const raised = ported.ok ? await raise() : ok(undefined);
		if (!raised.ok) return err(`${raised.error}\nThe sequences synapse_port_db leaves behind could not be raised: run the move again.`);
		if (!ported.ok)
			return err(
				`${ported.error}\nNothing else was changed; the database holds what was copied so far: mend what is said above and run the move again (it goes on from there).`,
			);
		const copied = copyMissing(source.mediaStore, target.mediaStore);
		log(`[4/4] the media store → ${target.mediaStore}: ${copied} new files`);
		if (!request.final) {
			log(`snapshot of ${source.serverName} moved. Stop its Synapse, then run the same command with --final to copy what came since.`);
			return ok(undefined);
		}
		writeFileSync(
			record,
			`${JSON.stringify({ serverName: source.serverName, from: source.database, finishedAt: new Date().toISOString() }, null, '\t')}\n`,
		);
		log(`moved ${source.serverName} to PostgreSQL. Start Synapse on the installation's files, then the bridge and the web app.`);
		return ok(undefined);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}
