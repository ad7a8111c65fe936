// Session tokens and their stored form (the Lucia way): the browser holds a
// random token, 160 bits from the platform's CSPRNG written in lower-case
// base32 (case-insensitive, only letters and digits, safe in a cookie); the
// database holds only its SHA-256, so reading the database gives nobody a
// token to present.
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
export const TOKEN_BYTES = 20;

/** RFC 4648 base32 without padding, lower case. */
export function base32(bytes: Uint8Array): string {
	let out = '';
	let buffer = 0;
	let bits = 0;
	for (const byte of bytes) {
		buffer = (buffer << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			out += ALPHABET[(buffer >>> (bits - 5)) & 31];
			bits -= 5;
		}
		buffer &= (1 << bits) - 1;
	}
	if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
	return out;
}

export function generateSessionToken(): string {
	return base32(randomBytes(TOKEN_BYTES));
}

/** What a token is stored as: the session's id. */
export function sessionIdOf(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** A string that could be a token this server issued (so junk cookies cost no database read). */
export function looksLikeToken(value: string): boolean {
	return value.length === Math.ceil((TOKEN_BYTES * 8) / 5) && /^[a-z2-7]+$/.test(value);
}
