import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptAttachment, encryptAttachment } from './encrypted-file.ts';

describe('encrypted attachments (Matrix protocol v2)', () => {
	it('round-trips any bytes, and the ciphertext hides them', async () => {
		await fc.assert(
			fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 4096 }), async (plain) => {
				const { ciphertext, info } = await encryptAttachment(plain);
				expect(ciphertext.length).toBe(plain.length);
				const back = await decryptAttachment(ciphertext, info);
				expect(back.ok && Buffer.from(back.value).equals(Buffer.from(plain))).toBe(true);
			}),
			{ numRuns: 50 },
		);
		const marker = new TextEncoder().encode('ROGMARK-attachment-plaintext '.repeat(10));
		const { ciphertext } = await encryptAttachment(marker);
		expect(Buffer.from(ciphertext).includes(Buffer.from('ROGMARK'))).toBe(false);
	});

	it('writes the fields the spec requires: 8 random IV bytes then a zero counter, unpadded base64, A256CTR JWK', async () => {
		const { info } = await encryptAttachment(new Uint8Array([1, 2, 3]));
		expect(info.v).toBe('v2');
		expect(info.key).toMatchObject({ kty: 'oct', alg: 'A256CTR', ext: true, key_ops: ['encrypt', 'decrypt'] });
		expect(info.key.k).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(info.iv).toMatch(/^[A-Za-z0-9+/]{22}$/);
		expect(Buffer.from(info.iv, 'base64').subarray(8)).toEqual(Buffer.alloc(8));
		expect(info.hashes.sha256).toMatch(/^[A-Za-z0-9+/]{43}$/);
	});

	it('refuses a tampered ciphertext, a wrong key and an unknown version, as values', async () => {
		const { ciphertext, info } = await encryptAttachment(new TextEncoder().encode('evidence'));
		const tampered = ciphertext.slice();
		tampered[0] = tampered[0]! ^ 1;
		expect(await decryptAttachment(tampered, info)).toEqual({ ok: false, error: 'hash-mismatch' });
		expect(await decryptAttachment(ciphertext, { ...info, key: { ...info.key, k: 'not-a-key' } })).toEqual({ ok: false, error: 'bad-key' });
		expect(await decryptAttachment(ciphertext, { ...info, v: 'v1' as 'v2' })).toEqual({ ok: false, error: 'unsupported-version' });
	});
});

describe('interoperability', () => {
	it('decrypts what an independent AES-256-CTR implementation (OpenSSL, through node:crypto) encrypted', async () => {
		const key = randomBytes(32);
		const iv = Buffer.concat([randomBytes(8), Buffer.alloc(8)]);
		const plain = Buffer.from('Carta rogatoria — pièce jointe — приложение');
		const cipher = createCipheriv('aes-256-ctr', key, iv);
		const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
		const unpadded = (b: Buffer) => b.toString('base64').replace(/=+$/, '');
		const result = await decryptAttachment(new Uint8Array(ciphertext), {
			v: 'v2',
			key: { kty: 'oct', alg: 'A256CTR', ext: true, k: key.toString('base64url'), key_ops: ['encrypt', 'decrypt'] },
			iv: unpadded(iv),
			hashes: { sha256: unpadded(createHash('sha256').update(ciphertext).digest()) },
		});
		expect(result.ok && Buffer.from(result.value).toString()).toBe(plain.toString());
	});
});
