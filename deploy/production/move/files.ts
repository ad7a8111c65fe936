// The files a move carries besides the database: the media store, copied
// file by file where the installation has none of that name yet (so a second
// pass copies only what came since the first), and the signing key, put in
// place once. Each keeps its mode; as root, each is given to the owner of
// the folder it goes into (the Synapse user's, made at install). Wiring only.
import { chmodSync, chownSync, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ownerFor } from '../backup/files.ts';

function give(path: string, owner: { readonly uid: number; readonly gid: number }): void {
	if (process.getuid?.() === 0) chownSync(path, owner.uid, owner.gid);
}

/** Copies what `from` holds and `to` does not; symbolic links are left out. The number of files copied. */
export function copyMissing(from: string, to: string): number {
	if (!existsSync(from)) return 0;
	const owner = ownerFor(to);
	let copied = 0;
	const walk = (source: string, target: string): void => {
		if (!existsSync(target)) {
			mkdirSync(target, { mode: statSync(source).mode & 0o777 });
			give(target, owner);
		}
		for (const name of readdirSync(source)) {
			const s = join(source, name);
			const t = join(target, name);
			const stat = lstatSync(s);
			if (stat.isDirectory()) walk(s, t);
			else if (stat.isFile() && !existsSync(t)) {
				copyFileSync(s, t);
				chmodSync(t, stat.mode & 0o777);
				give(t, owner);
				copied += 1;
			}
		}
	};
	mkdirSync(dirname(to), { recursive: true });
	walk(from, to);
	return copied;
}

/** The old server's signing key put where the installation reads it (mode 0600), unless the very file is there. */
export function placeSigningKey(from: string, to: string): boolean {
	if (existsSync(to)) return false;
	const owner = ownerFor(to);
	mkdirSync(dirname(to), { recursive: true, mode: 0o700 });
	copyFileSync(from, to);
	chmodSync(to, 0o600);
	give(to, owner);
	return true;
}
