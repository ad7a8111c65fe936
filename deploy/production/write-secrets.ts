// Creates the production secrets that are missing in `<dir>/secrets/`
// (secret-files.ts lists them): a 0700 folder, each file 0600 with a random
// string. An existing secret is kept, never overwritten (regenerating the
// macaroon key would end every session; the replication secret must match
// the running workers'). A secret that others could read, or a symlink where
// a secret belongs, is refused with what to do — never silently "fixed" in
// a folder an operator owns.
import { lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '../../policies/result.ts';
import { randomSecret } from '../local/secrets.ts';
import { GENERATED_SECRETS, REDIS_REQUIREPASS, SECRETS_DIR } from './secret-files.ts';
import { loose, octal, writeOnce } from './write-once.ts';

export interface SecretsOutcome {
	readonly created: readonly string[];
	readonly kept: readonly string[];
}

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
		const written = writeOnce(path, () => `${randomSecret()}\n`, 'the secret');
		if (!written.ok) return written;
		(written.value === 'created' ? created : kept).push(path);
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
	const written = writeOnce(path, () => `requirepass ${password}\n`, "Redis's requirepass line");
	if (!written.ok) return written;
	return ok(written.value === 'created' ? path : undefined);
}
