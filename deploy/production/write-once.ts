// Writes a file of an installation that must be written once and kept: a
// secret, or a config holding one (a new password would lock its account
// out). Created 0600 with O_EXCL, which also refuses a symlink (even a
// dangling one), so nothing is written through one; an existing file is kept
// as it is — unless it is not a plain file or others can read it, which is
// refused with what to do, never silently "fixed" in a folder an operator owns.
import { closeSync, lstatSync, openSync, writeSync } from 'node:fs';
import { err, ok, type Result } from '../../policies/result.ts';

export const loose = (mode: number): boolean => (mode & 0o077) !== 0;
export const octal = (mode: number): string => (mode & 0o777).toString(8).padStart(4, '0');

/** Writes `content()` to `path` unless a file is there: `created`, or `kept`; `what` names the file in a refusal. */
export function writeOnce(path: string, content: () => string, what: string): Result<'created' | 'kept', string> {
	let fd: number;
	try {
		fd = openSync(path, 'wx', 0o600);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		const existing = lstatSync(path);
		if (!existing.isFile()) return err(`${path} is not a plain file (a symlink?): replace it with ${what} itself, mode 0600.`);
		if (loose(existing.mode)) return err(`${path} can be read by others (mode ${octal(existing.mode)}): chmod 600 it, then run again.`);
		return ok('kept');
	}
	try {
		writeSync(fd, content());
	} finally {
		closeSync(fd);
	}
	return ok('created');
}
