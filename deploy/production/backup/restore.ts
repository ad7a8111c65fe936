// Restoring a backup (backup.ts) onto an installation with nothing in it yet:
// the backup is checked whole first — its manifest, every file's SHA-256,
// nothing missing or added, the same server name — then every place it would
// write must be empty (no register, no secrets, no sessions, no media, empty
// configuration folders, a database with no table), and only then is
// anything written. A refusal says what to do and writes nothing.
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { err, ok, type Result } from '../../../policies/result.ts';
import { DATABASE_DUMP } from './backup.ts';
import { chownTree, copyTree, isEmptyPlace, listFiles, ownerFor } from './files.ts';
import type { Layout } from './layout.ts';
import { compareWithManifest, MANIFEST_FILE, mismatchText, parseManifest, type Manifest } from './manifest.ts';
import { restoreDatabase, tableCount } from './postgres-tools.ts';

export interface RestoreTools {
	readonly postgresBin: string;
	readonly log: (line: string) => void;
}

/** The backup, checked against its manifest; nothing is written. */
export function checkBackup(from: string, serverName: string): Result<Manifest, string> {
	let text: string;
	try {
		text = readFileSync(join(from, MANIFEST_FILE), 'utf8');
	} catch {
		return err(`${from} has no ${MANIFEST_FILE}: it is not a Rogatory backup, or not all of one`);
	}
	const manifest = parseManifest(text);
	if (!manifest.ok) return err(`${join(from, MANIFEST_FILE)}: ${manifest.error}`);
	if (manifest.value.serverName !== serverName)
		return err(`this backup is of ${manifest.value.serverName}, and this installation is ${serverName}: restore it on its own server`);
	const mismatch = mismatchText(compareWithManifest(manifest.value, listFiles(from)));
	if (mismatch !== undefined)
		return err(`the backup does not match its manifest; it was damaged or altered, and nothing was restored:\n${mismatch}`);
	if (!manifest.value.entries.some((e) => e.path === DATABASE_DUMP)) return err(`the backup holds no ${DATABASE_DUMP}`);
	return manifest;
}

export async function restore(layout: Layout, from: string, tools: RestoreTools): Promise<Result<void, string>> {
	const checked = checkBackup(from, layout.serverName);
	if (!checked.ok) return checked;
	tools.log(
		`backup of ${checked.value.serverName} taken ${checked.value.takenAt}: ${checked.value.entries.length} files, every sum matches`,
	);
	const occupied = layout.parts.filter((p) => !isEmptyPlace(p.source)).map((p) => p.source);
	if (occupied.length > 0)
		return err(
			`restore writes only where nothing is; these are not empty:\n${occupied.join('\n')}\nMove them aside (or restore on a fresh machine), then run the restore again.`,
		);
	const tables = await tableCount(tools.postgresBin, layout.database);
	if (!tables.ok)
		return err(`${tables.error}\nCreate the empty database first (create-database.sql, as the runbook says), then run the restore again.`);
	if (tables.value > 0)
		return err(
			`the database ${layout.database.name} already holds ${tables.value} tables: restore needs it empty (drop and create it with create-database.sql), then run it again`,
		);

	const steps = layout.parts.length + 1;
	tools.log(`[1/${steps}] Synapse's database ${layout.database.name} (pg_restore)`);
	const restored = await restoreDatabase(tools.postgresBin, layout.database, join(from, DATABASE_DUMP));
	if (!restored.ok) return restored;
	let step = 1;
	for (const part of layout.parts) {
		step += 1;
		const source = join(from, part.name);
		if (!existsSync(source)) {
			tools.log(`[${step}/${steps}] ${part.name}: not in the backup, left out`);
			continue;
		}
		tools.log(`[${step}/${steps}] ${part.name} → ${part.source}`);
		// NOTE: what is restored belongs to whoever owns the place it goes (the service's folder, made at install).
		const owner = ownerFor(part.source);
		if (part.kind === 'sqlite') {
			mkdirSync(dirname(part.source), { recursive: true, mode: 0o700 });
			copyFileSync(source, part.source);
			chmodSync(part.source, 0o600);
		} else copyTree(source, part.source);
		if (process.getuid?.() === 0) chownTree(part.source, owner);
	}
	tools.log(`restored ${layout.serverName}; start Synapse, then the bridge and the web app`);
	return ok(undefined);
}
