// Whether a pass of a move off SQLite may run, from what is found before
// anything is written: the same server name at both ends (a server's name
// cannot change: its peers know its rooms, events and key by it), a target
// database that is empty or holds only what an earlier pass of this move put
// there (synapse_port_db's own progress table, port_from_sqlite3, says so —
// it re-runs from where it left off), a move not finished already, and no
// other signing key than the old server's in the installation. Every refusal
// says what to do. Pure.
import { err, ok, type Result } from '../../../policies/result.ts';

/** synapse_port_db's record of how far each table is copied: present after its first pass. */
export const PORT_TABLE = 'port_from_sqlite3';

export interface MoveFacts {
	readonly source: { readonly serverName: string; readonly signingKey: string };
	readonly target: {
		readonly serverName: string;
		readonly databaseName: string;
		/** The installation's signing key, when it has one. */
		readonly signingKey: string | undefined;
		readonly signingKeyPath: string;
		/** The public tables of the target database. */
		readonly tables: readonly string[];
	};
	/** When the final pass of this move ended, if it did (the move's record, beside homeserver.yaml). */
	readonly finishedAt: string | undefined;
	/** The record's path, for the refusal. */
	readonly recordPath: string;
}

export type MovePass =
	/** The target database is empty. */
	| 'first'
	/** An earlier pass of this move copied into it: this one copies what came since. */
	| 'again';

const sameKey = (a: string, b: string): boolean => a.trim() === b.trim();

export function decideMove(facts: MoveFacts): Result<MovePass, string> {
	const { source, target } = facts;
	if (source.serverName !== target.serverName)
		return err(
			`the SQLite server is ${source.serverName} and the installation ${target.serverName}: a server name cannot change in a move (its peers know its rooms, events and key by it). Generate the installation with the server name ${source.serverName}, then run the move again.`,
		);
	if (facts.finishedAt !== undefined)
		return err(
			`this move finished at ${facts.finishedAt} (${facts.recordPath}), and Synapse may have written to ${target.databaseName} since: nothing was done. To move again from the start, drop the database and create it with create-database.sql, and remove that record.`,
		);
	if (target.signingKey !== undefined && !sameKey(target.signingKey, source.signingKey))
		return err(
			`the installation has a signing key of its own (${target.signingKeyPath}), not ${source.serverName}'s: a moved server keeps its key, or its peers refuse what it signs. Remove that file (a move skips the install step that makes it) and run the move again: it puts the old server's key there.`,
		);
	if (target.tables.length === 0) return ok('first');
	if (target.tables.includes(PORT_TABLE)) return ok('again');
	return err(
		`the database ${target.databaseName} already holds ${target.tables.length} tables that no move put there: a move needs it empty. Drop it and create it again with create-database.sql, then run the move again.`,
	);
}
