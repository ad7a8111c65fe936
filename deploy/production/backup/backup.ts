// One consistent backup of an authority's installation into a new folder:
// the bridge's register first (SQLite's online backup: its crypto store and
// sync position are in it, in one transaction with what it logged), then its
// secrets, the web sessions, Synapse's and Rogatory's configuration (the
// signing key and generated secrets with them), the media store's local
// content, and Synapse's database last (pg_dump -Fc, one snapshot). In this
// order the database is never older than the register: after a restore the
// bridge syncs on from its own position and finds every later event on the
// homeserver — the other order would leave it a position the homeserver
// never reached. A manifest of SHA-256 sums closes the folder (0700, files
// 0600 unless they had a mode of their own).
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '../../../policies/result.ts';
import { copySqlite, copyTree, listFiles } from './files.ts';
import type { Layout } from './layout.ts';
import { MANIFEST_FILE, manifestOf, manifestText, type Manifest } from './manifest.ts';
import { dumpDatabase } from './postgres-tools.ts';

export const DATABASE_DUMP = 'synapse.pgdump';

export interface BackupTools {
	/** PostgreSQL's binaries folder (pg_dump). */
	readonly postgresBin: string;
	readonly now: () => Date;
	readonly log: (line: string) => void;
}

export async function backUp(layout: Layout, out: string, tools: BackupTools): Promise<Result<Manifest, string>> {
	if (existsSync(out) && readdirSync(out).length > 0) return err(`${out} is not empty: name a new folder for the backup`);
	mkdirSync(out, { recursive: true, mode: 0o700 });
	const takenAt = tools.now();
	const steps = layout.parts.length + 1;
	let step = 0;
	for (const part of layout.parts) {
		step += 1;
		if (!existsSync(part.source)) {
			tools.log(`[${step}/${steps}] ${part.name}: not present at ${part.source}, left out`);
			continue;
		}
		tools.log(`[${step}/${steps}] ${part.name} ← ${part.source}`);
		try {
			if (part.kind === 'sqlite') await copySqlite(part.source, join(out, part.name));
			else copyTree(part.source, join(out, part.name));
		} catch (thrown) {
			return err(`${part.name}: could not copy ${part.source}: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
		}
	}
	tools.log(`[${steps}/${steps}] Synapse's database ${layout.database.name} (pg_dump, without the one-time keys' data)`);
	const dumped = await dumpDatabase(tools.postgresBin, layout.database, join(out, DATABASE_DUMP));
	if (!dumped.ok) return dumped;
	const manifest = manifestOf(layout.serverName, takenAt, listFiles(out));
	writeFileSync(join(out, MANIFEST_FILE), manifestText(manifest), { mode: 0o600 });
	const bytes = manifest.entries.reduce((sum, e) => sum + e.bytes, 0);
	tools.log(`backup of ${layout.serverName} written to ${out}: ${manifest.entries.length} files, ${bytes} bytes, sums in ${MANIFEST_FILE}`);
	return ok(manifest);
}
