// Secrets of a local homeserver, generated once per data folder and kept
// (so a restart reuses the database, the signing key that other servers have
// cached, and the passwords printed earlier). Files are 0600.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function writePrivate(path: string, content: string): void {
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

/**
 * A Synapse signing key file ("ed25519 <key id> <unpadded base64 seed>"),
 * created on first use. Made here rather than by `synapse --generate-keys`
 * to save a Python start-up per homeserver.
 */
export function ensureSigningKey(path: string): void {
	if (existsSync(path)) return;
	const { privateKey } = generateKeyPairSync('ed25519');
	const jwk = privateKey.export({ format: 'jwk' });
	if (jwk.d === undefined) throw new Error('ed25519 JWK export without "d"');
	const seed = Buffer.from(jwk.d, 'base64url').toString('base64').replace(/=+$/, '');
	const keyId = `a_${randomBytes(3).toString('hex').slice(0, 4)}`;
	writePrivate(path, `ed25519 ${keyId} ${seed}\n`);
}
