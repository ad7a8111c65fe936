// Encrypted attachments as the Matrix spec defines them (client-server API,
// "Sending encrypted attachments", protocol v2): the file is encrypted in the
// browser with AES-256-CTR under a fresh key before it is uploaded, so the
// media store only ever holds ciphertext; the key, IV and SHA-256 of the
// ciphertext travel inside the Megolm-encrypted event. Uses WebCrypto only,
// so the same code runs in the browser, the bridge and the tests.
import { err, ok, type Result } from '#policies/result.ts';

/** The `file` object of an encrypted m.file / m.image event, without its `url`. */
export interface EncryptedFileInfo {
	readonly v: 'v2';
	readonly key: {
		readonly kty: 'oct';
		readonly alg: 'A256CTR';
		readonly ext: true;
		readonly k: string;
		readonly key_ops: readonly ['encrypt', 'decrypt'];
	};
	readonly iv: string;
	readonly hashes: { readonly sha256: string };
}

const unpadded = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes)).replace(/=+$/, '');
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
const toBase64Url = (text: string): string => text.replace(/\+/g, '-').replace(/\//g, '_');

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
	return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

export async function encryptAttachment(plain: Uint8Array): Promise<{ ciphertext: Uint8Array; info: EncryptedFileInfo }> {
	// NOTE: the spec's IV is 8 random bytes followed by a 64-bit block counter
	// starting at zero; WebCrypto's `length: 64` makes the counter those 64 bits.
	const iv = new Uint8Array(16);
	crypto.getRandomValues(iv.subarray(0, 8));
	const key = await crypto.subtle.generateKey({ name: 'AES-CTR', length: 256 }, true, ['encrypt', 'decrypt']);
	const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CTR', counter: iv, length: 64 }, key, plain as BufferSource));
	const jwk = await crypto.subtle.exportKey('jwk', key);
	return {
		ciphertext,
		info: {
			v: 'v2',
			key: { kty: 'oct', alg: 'A256CTR', ext: true, k: jwk.k ?? '', key_ops: ['encrypt', 'decrypt'] },
			iv: unpadded(iv),
			hashes: { sha256: unpadded(await sha256(ciphertext)) },
		},
	};
}

export type DecryptFailure = 'unsupported-version' | 'hash-mismatch' | 'bad-key';

/** Checks the ciphertext against its SHA-256 before decrypting; a mismatch is a value, never garbage output. */
export async function decryptAttachment(ciphertext: Uint8Array, info: EncryptedFileInfo): Promise<Result<Uint8Array, DecryptFailure>> {
	if (info.v !== 'v2') return err('unsupported-version');
	if (unpadded(await sha256(ciphertext)) !== info.hashes.sha256.replace(/=+$/, '')) return err('hash-mismatch');
	try {
		const key = await crypto.subtle.importKey(
			'jwk',
			{ kty: 'oct', alg: 'A256CTR', k: toBase64Url(info.key.k), ext: true },
			{ name: 'AES-CTR' },
			false,
			['decrypt'],
		);
		const counter = fromBase64(info.iv);
		if (counter.length !== 16) return err('bad-key');
		return ok(
			new Uint8Array(
				await crypto.subtle.decrypt({ name: 'AES-CTR', counter: counter as BufferSource, length: 64 }, key, ciphertext as BufferSource),
			),
		);
	} catch {
		return err('bad-key');
	}
}
