// The Matrix access token at rest: the server must ask the user's homeserver
// about it later (re-validation), yet a copy of the session database must not
// yield it. So it is sealed with AES-256-GCM under a key derived (HKDF-SHA256)
// from the session token, which only the browser's cookie holds — the
// database keeps the token's SHA-256 only, and 160 random bits are not
// guessed. The additional data binds the sealed token to its row (session id,
// user, device): moved into another row, or with that row's user or device
// rewritten, it no longer opens.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { err, ok, type Result } from '#policies/result.ts';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SALT = 'rogatory web session, sealed matrix token, v1';
const INFO = 'aes-256-gcm key';

/** What the sealed token belongs to; any change makes it unreadable. */
export interface SealBinding {
	readonly sessionId: string;
	readonly userId: string;
	readonly deviceId: string | undefined;
}

function keyFor(sessionToken: string): Buffer {
	return Buffer.from(hkdfSync('sha256', Buffer.from(sessionToken, 'utf8'), SALT, INFO, 32));
}

function additionalData(binding: SealBinding): Buffer {
	return Buffer.from(JSON.stringify([binding.sessionId, binding.userId, binding.deviceId ?? null]), 'utf8');
}

/** version (1 byte) ‖ IV (12) ‖ GCM tag (16) ‖ ciphertext. */
export function sealMatrixToken(sessionToken: string, binding: SealBinding, matrixToken: string): Buffer {
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', keyFor(sessionToken), iv, { authTagLength: TAG_BYTES });
	cipher.setAAD(additionalData(binding));
	const sealed = Buffer.concat([cipher.update(matrixToken, 'utf8'), cipher.final()]);
	return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), sealed]);
}

/** The token, or 'unreadable' for a wrong session token, another row's binding, or altered bytes. */
export function openMatrixToken(sessionToken: string, binding: SealBinding, sealed: Uint8Array): Result<string, 'unreadable'> {
	const bytes = Buffer.from(sealed);
	if (bytes.length <= 1 + IV_BYTES + TAG_BYTES || bytes[0] !== VERSION) return err('unreadable');
	const iv = bytes.subarray(1, 1 + IV_BYTES);
	const tag = bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
	try {
		const decipher = createDecipheriv('aes-256-gcm', keyFor(sessionToken), iv, { authTagLength: TAG_BYTES });
		decipher.setAAD(additionalData(binding));
		decipher.setAuthTag(tag);
		return ok(Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8'));
	} catch {
		return err('unreadable');
	}
}
