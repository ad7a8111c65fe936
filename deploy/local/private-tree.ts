// Takes group and other permissions off everything under a folder: files end
// up 0600 (or 0700 if they were executable), folders 0700. For data an older
// version created under a looser umask (homeserver databases with access
// tokens, signing and CA keys, registers, logs, media); what is created from
// now on is private already (umask 077, deploy/process/private-umask.ts).
// NOTE: it runs as whoever starts Rogatory, maybe root, over a folder whose
// contents it did not all write, so it never acts through a name that could
// have been swapped: each entry is opened with O_NOFOLLOW and changed through
// its descriptor (fchmod), after checking what was opened. Left alone, and
// reported: symlinks (never followed, in or out), entries owned by another
// user, and files with more than one hard link (the other name may be
// anything, e.g. /etc/passwd when run as root). A folder is tightened before
// its entries are listed, so once it is 0700 no other user can swap them.
import { chmodSync, closeSync, constants, fchmodSync, fstatSync, lstatSync, openSync, readdirSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';

export interface LeftAlone {
	readonly path: string;
	readonly reason: string;
}

export interface TightenReport {
	/** Entries whose mode was narrowed, relative to the top. */
	readonly tightened: readonly string[];
	readonly leftAlone: readonly LeftAlone[];
}

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK | constants.O_NOCTTY;
const PRIVATE = 0o700;

type Verdict = { readonly act: true } | { readonly act: false; readonly reason: string };

function judge(stats: Stats, uid: number): Verdict {
	if (stats.isSymbolicLink()) return { act: false, reason: 'a symlink, not followed' };
	if (stats.uid !== uid) return { act: false, reason: `owned by another user (uid ${stats.uid})` };
	if (!stats.isDirectory() && stats.nlink > 1) return { act: false, reason: `a file with ${stats.nlink} hard links` };
	return { act: true };
}

const loose = (mode: number): boolean => (mode & 0o077) !== 0;

/**
 * Tightens `top` and, when `recursive`, everything beneath it. `uid` is the
 * owner whose entries may be changed (default: this process's user). A `top`
 * that does not exist gives an empty report.
 */
export function tightenTree(top: string, options: { readonly recursive?: boolean; readonly uid?: number } = {}): TightenReport {
	const uid = options.uid ?? process.getuid?.() ?? -1;
	const tightened: string[] = [];
	const leftAlone: LeftAlone[] = [];
	const name = (path: string): string => relative(top, path) || '.';
	const pending = [top];
	for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
		let fd: number | undefined;
		let stats: Stats;
		try {
			fd = openSync(path, OPEN_FLAGS);
			stats = fstatSync(fd);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === 'ENOENT') continue;
			// ELOOP: a symlink. EACCES: not readable by us (another user's, or our own at 0200).
			// ENXIO: a socket. Only lstat is left; an entry of ours is changed by name
			// (the folder it is in was tightened first, so no other user can swap it).
			try {
				stats = lstatSync(path);
			} catch {
				continue;
			}
		}
		try {
			const verdict = judge(stats, uid);
			if (!verdict.act) {
				leftAlone.push({ path: name(path), reason: verdict.reason });
				continue;
			}
			if (loose(stats.mode)) {
				const mode = stats.mode & PRIVATE;
				if (fd === undefined) chmodSync(path, mode);
				else fchmodSync(fd, mode);
				tightened.push(name(path));
			}
			if (stats.isDirectory() && (options.recursive ?? true)) {
				try {
					for (const entry of readdirSync(path)) pending.push(join(path, entry));
				} catch (error) {
					leftAlone.push({ path: name(path), reason: `not listable (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
				}
			}
		} finally {
			if (fd !== undefined) closeSync(fd);
		}
	}
	return { tightened, leftAlone };
}
