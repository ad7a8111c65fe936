import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base32, generateSessionToken, looksLikeToken, sessionIdOf, TOKEN_BYTES } from './token.ts';

describe('session tokens', () => {
	it('carry at least 160 random bits, in lower-case base32', () => {
		expect(TOKEN_BYTES * 8).toBeGreaterThanOrEqual(160);
		const token = generateSessionToken();
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		expect(looksLikeToken(token)).toBe(true);
	});

	it('differ every time', () => {
		const tokens = new Set(Array.from({ length: 200 }, generateSessionToken));
		expect(tokens.size).toBe(200);
	});

	it('encode base32 as RFC 4648 does (test vectors, lower case, no padding)', () => {
		const enc = (text: string) => base32(new TextEncoder().encode(text));
		expect(enc('')).toBe('');
		expect(enc('f')).toBe('my');
		expect(enc('fo')).toBe('mzxq');
		expect(enc('foo')).toBe('mzxw6');
		expect(enc('foob')).toBe('mzxw6yq');
		expect(enc('fooba')).toBe('mzxw6ytb');
		expect(enc('foobar')).toBe('mzxw6ytboi');
	});

	it('are stored as their SHA-256, never as themselves', () => {
		const token = generateSessionToken();
		const id = sessionIdOf(token);
		expect(id).toBe(createHash('sha256').update(token).digest('hex'));
		expect(id).not.toContain(token);
		expect(id).toMatch(/^[0-9a-f]{64}$/);
	});

	it('refuse what this server could not have issued', () => {
		expect(looksLikeToken('')).toBe(false);
		expect(looksLikeToken('A'.repeat(32))).toBe(false);
		expect(looksLikeToken('a'.repeat(31))).toBe(false);
		expect(looksLikeToken('a1'.repeat(16))).toBe(false);
	});
});
