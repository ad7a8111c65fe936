// The file work of backing up and restoring: a folder's files listed with
// their sums, a folder copied with its files' modes, an SQLite database
// copied with SQLite's online backup (consistent while its writer runs), and
// whether a place on the machine is empty.
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import Database from 'better-sqlite3';
import type { ManifestEntry } from './manifest.ts';

function sha256Of(file: string): string {
	return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Every regular file below `root` (symbolic links are not followed), with its size and sum, paths relative with forward slashes. */
export function listFiles(root: string): ManifestEntry[] {
	const out: ManifestEntry[] = [];
	const walk = (dir: string): void => {
		for (const name of readdirSync(dir).sort()) {
			const path = join(dir, name);
			const stat = lstatSync(path);
			if (stat.isDirectory()) walk(path);
			else if (stat.isFile()) out.push({ path: relative(root, path).split(sep).join('/'), bytes: stat.size, sha256: sha256Of(path) });
		}
	};
	if (existsSync(root)) walk(root);
	return out;
}

/** Copies a folder's regular files and folders, each with its mode; symbolic links are refused (a backup follows none). */
export function copyTree(from: string, to: string): void {
	mkdirSync(to, { recursive: true, mode: statSync(from).mode & 0o777 });
	chmodSync(to, statSync(from).mode & 0o777);
	for (const name of readdirSync(from)) {
		const source = join(from, name);
		const target = join(to, name);
		const stat = lstatSync(source);
		if (stat.isSymbolicLink()) throw new Error(`${source} is a symbolic link; a backup copies none`);
		if (stat.isDirectory()) copyTree(source, target);
		else if (stat.isFile()) {
			copyFileSync(source, target);
			chmodSync(target, stat.mode & 0o777);
		}
	}
}

/** SQLite's online backup of a live database into a new file (mode 0600). */
export async function copySqlite(from: string, to: string): Promise<void> {
	mkdirSync(dirname(to), { recursive: true, mode: 0o700 });
	const db = new Database(from, { readonly: true, fileMustExist: true });
	try {
		await db.backup(to);
	} finally {
		db.close();
	}
	// NOTE: the copy keeps the source's WAL mode in its header; reading it would then make -wal and -shm files
	// beside it, which are not in the manifest. As one self-contained file it is read without them; the program
	// that opens it after a restore sets its own journal mode.
	const copy = new Database(to);
	try {
		copy.pragma('journal_mode = DELETE');
	} finally {
		copy.close();
	}
	chmodSync(to, 0o600);
}

/** Nothing there, or an empty folder. */
export function isEmptyPlace(path: string): boolean {
	if (!existsSync(path)) return true;
	const stat = lstatSync(path);
	return stat.isDirectory() && readdirSync(path).length === 0;
}

/** The owner of `path`, or of its nearest folder that exists: who a restored file should belong to. */
export function ownerFor(path: string): { readonly uid: number; readonly gid: number } {
	let at = path;
	while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
	const stat = statSync(at);
	return { uid: stat.uid, gid: stat.gid };
}

/** Gives `path` and everything below it to `owner` (restoring as root, the services' users must own what they read). */
export function chownTree(path: string, owner: { readonly uid: number; readonly gid: number }): void {
	chownSync(path, owner.uid, owner.gid);
	if (!lstatSync(path).isDirectory()) return;
	for (const name of readdirSync(path)) chownTree(join(path, name), owner);
}
