// Reads a Matrix encrypted attachment reference (spec: "Sending encrypted
// attachments", EncryptedFile) and its file info from untrusted JSON. Only
// the keys the spec defines are kept, each checked against its form, so a
// plenary document the fold carries is one a client can fetch and decrypt
// — or it is refused here, with the key path at fault.
import { MAX_ATTACHMENT_BYTES } from '../../attachments/limits.ts';
import { err, ok } from '../../result.ts';
import { get, has, list, object, text, type Read } from '../../cases/events/read.ts';
import type { EncryptedFile, PlenaryDocument } from '../types.ts';
import { PLENARY_LIMITS as L } from './namespace.ts';
import { line } from './values.ts';

// mxc://<server-name>/<media-id>; media IDs are [A-Za-z0-9_-] (spec: "Matrix Content (mxc://) URIs").
const MXC = /^mxc:\/\/[^/\s]{1,255}\/[A-Za-z0-9_-]{1,255}$/;
// Unpadded base64url of 32 bytes (the AES-256 key), unpadded base64 of 16 (the IV) and 32 bytes (SHA-256).
const KEY = /^[A-Za-z0-9_-]{43}$/;
const IV = /^[A-Za-z0-9+/]{22}(?:==)?$/;
const SHA256 = /^[A-Za-z0-9+/]{43}=?$/;
const MIMETYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;

const fail = (path: string, message: string): Read<never> => err(`${path}: ${message}`);

function matches(value: unknown, path: string, form: RegExp, what: string): Read<string> {
	return typeof value === 'string' && value.length <= L.mxc && form.test(value) ? ok(value) : fail(path, `must be ${what}`);
}

function key(value: unknown, path: string): Read<EncryptedFile['key']> {
	const o = object(value, path);
	if (!o.ok) return o;
	if (get(o.value, 'kty') !== 'oct') return fail(`${path}.kty`, 'must be "oct"');
	if (get(o.value, 'alg') !== 'A256CTR') return fail(`${path}.alg`, 'must be "A256CTR"');
	if (get(o.value, 'ext') !== true) return fail(`${path}.ext`, 'must be true');
	const k = matches(get(o.value, 'k'), `${path}.k`, KEY, 'a 256-bit key in unpadded base64url');
	if (!k.ok) return k;
	const ops = list(get(o.value, 'key_ops'), `${path}.key_ops`, 8, (v, p) => text(v, p, 20));
	if (!ops.ok) return ops;
	if (!ops.value.includes('encrypt') || !ops.value.includes('decrypt'))
		return fail(`${path}.key_ops`, 'must include "encrypt" and "decrypt"');
	return ok({ kty: 'oct', key_ops: ops.value, alg: 'A256CTR', k: k.value, ext: true });
}

export function encryptedFile(value: unknown, path: string): Read<EncryptedFile> {
	const o = object(value, path);
	if (!o.ok) return o;
	const url = matches(get(o.value, 'url'), `${path}.url`, MXC, 'an mxc:// URI like mxc://matrix.example.org/AbC123');
	if (!url.ok) return url;
	const k = key(get(o.value, 'key'), `${path}.key`);
	if (!k.ok) return k;
	const iv = matches(get(o.value, 'iv'), `${path}.iv`, IV, 'a 16-byte counter block in unpadded base64');
	if (!iv.ok) return iv;
	const hashes = object(get(o.value, 'hashes'), `${path}.hashes`);
	if (!hashes.ok) return hashes;
	const sha256 = matches(get(hashes.value, 'sha256'), `${path}.hashes.sha256`, SHA256, 'a SHA-256 in unpadded base64');
	if (!sha256.ok) return sha256;
	if (get(o.value, 'v') !== 'v2') return fail(`${path}.v`, 'must be "v2"');
	return ok({ url: url.value, key: k.value, iv: iv.value, hashes: { sha256: sha256.value }, v: 'v2' });
}

function info(value: unknown, path: string): Read<PlenaryDocument['info']> {
	const o = object(value, path);
	if (!o.ok) return o;
	let out: PlenaryDocument['info'] = {};
	if (has(o.value, 'mimetype')) {
		const m = get(o.value, 'mimetype');
		if (typeof m !== 'string' || m.length > L.mimetype || !MIMETYPE.test(m))
			return fail(`${path}.mimetype`, 'must be a media type like application/pdf');
		out = { ...out, mimetype: m };
	}
	if (has(o.value, 'size')) {
		const size = get(o.value, 'size');
		if (!Number.isSafeInteger(size) || (size as number) < 0 || (size as number) > MAX_ATTACHMENT_BYTES)
			return fail(`${path}.size`, `must be a whole number of bytes up to ${MAX_ATTACHMENT_BYTES}`);
		out = { ...out, size: size as number };
	}
	return ok(out);
}

/** A plenary document: a title, the encrypted file and its info (`{}` when the sender gave none). */
export function plenaryDocument(value: unknown, path: string): Read<PlenaryDocument> {
	const o = object(value, path);
	if (!o.ok) return o;
	const title = line(get(o.value, 'title'), `${path}.title`, L.title);
	if (!title.ok) return title;
	const file = encryptedFile(get(o.value, 'file'), `${path}.file`);
	if (!file.ok) return file;
	const i = has(o.value, 'info') ? info(get(o.value, 'info'), `${path}.info`) : ok({});
	return i.ok ? ok({ title: title.value, file: file.value, info: i.value }) : i;
}
