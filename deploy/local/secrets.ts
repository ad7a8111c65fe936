// Secrets of a local homeserver, generated once per data folder and kept
// (so a restart keeps sessions valid and reuses the passwords printed
// earlier). Files are 0600. The signing key is left to Synapse, which writes
// signing_key_path itself on first start when the file is missing.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes `content` to `path` readable by this user only (folder 0700, file 0600). */
export function writePrivate(path: string, content: string): void {
	mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
	writeFileSync(path, content, { mode: 0o600 });
}

export function randomSecret(bytes = 32): string {
	return randomBytes(bytes).toString('base64url');
}

/** The secret stored at `path`, created on first use. */
export function ensureSecret(path: string): string {
	if (existsSync(path)) return readFileSync(path, 'utf8').trim();
	const secret = randomSecret();
	writePrivate(path, `${secret}\n`);
	return secret;
}
