// Creates the production secrets that are missing in `<dir>/secrets/`
// (secret-files.ts lists them): a 0700 folder, each file 0600 with a random
// string. An existing secret is kept, never overwritten (regenerating the
// macaroon key would end every session; the replication secret must match
// the running workers'). A secret that others could read, or a symlink where
// a secret belongs, is refused with what to do — never silently "fixed" in
// a folder an operator owns.
import { closeSync, lstatSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '../../policies/result.ts';
import { randomSecret } from '../local/secrets.ts';
import { GENERATED_SECRETS, REDIS_REQUIREPASS, SECRETS_DIR } from './secret-files.ts';

export interface SecretsOutcome {
	readonly created: readonly string[];
	readonly kept: readonly string[];
}

const loose = (mode: number): boolean => (mode & 0o077) !== 0;
const octal = (mode: number): string => (mode & 0o777).toString(8).padStart(4, '0');

export function ensureProductionSecrets(configDir: string): Result<SecretsOutcome, string> {
	const dir = join(configDir, SECRETS_DIR);
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	const folder = lstatSync(dir);
	if (!folder.isDirectory()) return err(`${dir} is not a folder (a symlink?): make it a plain folder, mode 0700.`);
	if (loose(folder.mode)) return err(`${dir} can be read by others (mode ${octal(folder.mode)}): chmod 700 it, then run again.`);
	const created: string[] = [];
	const kept: string[] = [];
	for (const name of GENERATED_SECRETS) {
		const path = join(dir, name);
		let fd: number;
		try {
			// NOTE: O_EXCL also refuses a symlink (even a dangling one), so nothing is written through one.
			fd = openSync(path, 'wx', 0o600);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const existing = lstatSync(path);
			if (!existing.isFile()) return err(`${path} is not a plain file (a symlink?): replace it with the secret itself, mode 0600.`);
			if (loose(existing.mode)) return err(`${path} can be read by others (mode ${octal(existing.mode)}): chmod 600 it, then run again.`);
			kept.push(path);
			continue;
		}
		try {
			writeSync(fd, `${randomSecret()}\n`);
		} finally {
			closeSync(fd);
		}
		created.push(path);
	}
	const requirepass = ensureRequirepass(dir);
	if (!requirepass.ok) return requirepass;
	if (requirepass.value !== undefined) created.push(requirepass.value);
	return ok({ created, kept });
}

/** secrets/redis_requirepass.conf from secrets/redis_password, when missing (the path written, or undefined when kept). */
function ensureRequirepass(dir: string): Result<string | undefined, string> {
	const path = join(dir, REDIS_REQUIREPASS);
	const password = readFileSync(join(dir, 'redis_password'), 'utf8').trim();
	let fd: number;
	try {
		fd = openSync(path, 'wx', 0o600);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		if (!lstatSync(path).isFile()) return err(`${path} is not a plain file (a symlink?): remove it, then run again.`);
		return ok(undefined);
	}
	try {
		writeSync(fd, `requirepass ${password}\n`);
	} finally {
		closeSync(fd);
	}
	return ok(path);
}
