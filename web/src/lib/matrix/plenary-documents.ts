// A plenary's documents over Matrix (docs/plenaries.md): each file encrypted
// in the browser as case attachments are (attachment encryption v2), its
// ciphertext uploaded with nothing of its name or type, and named in the
// plenary's record by title and encrypted-file key — the record itself goes
// encrypted into the plenary room. Downloads are checked against the hash
// before they are decrypted.
import type { PlenaryDocument } from '#policies/plenary/index.ts';
import { err, ok, type Result } from '#policies/result.ts';
import type { EncryptedFileInfo } from '../attachments/encrypted-file.ts';
import { downloadAttachment, prepareAttachment, uploadCiphertext, type DownloadProblem } from './case-attachments.ts';
import type { SendProblem } from './cases.ts';
import type { Failure } from './failure.ts';
import type { MatrixClient } from './sdk.ts';

export type DocumentProblem = SendProblem | Failure;

/** Encrypts and uploads one file; resolves with what the plenary's record says of it. */
export async function uploadPlenaryDocument(
	client: MatrixClient,
	file: { readonly name: string; readonly type: string; readonly bytes: Uint8Array },
): Promise<Result<PlenaryDocument, DocumentProblem>> {
	const prepared = await prepareAttachment(file);
	if (!prepared.ok) return prepared;
	const url = await uploadCiphertext(client, prepared.value.ciphertext, () => {});
	if (!url.ok) return url;
	const info = prepared.value.content['file'] as EncryptedFileInfo;
	return ok({
		title: file.name,
		file: { ...info, key: { ...info.key, key_ops: [...info.key.key_ops] }, url: url.value },
		info: { mimetype: file.type === '' ? 'application/octet-stream' : file.type, size: file.bytes.length },
	});
}

/** Downloads and decrypts a document; a key that is not for decrypting is taken as tampered. */
export async function downloadPlenaryDocument(
	client: MatrixClient,
	document: PlenaryDocument,
): Promise<Result<Uint8Array, DownloadProblem>> {
	const { file } = document;
	if (!file.key.key_ops.includes('decrypt')) return err({ kind: 'tampered' });
	const info: EncryptedFileInfo & { readonly url: string } = {
		v: file.v,
		key: { kty: file.key.kty, alg: file.key.alg, ext: file.key.ext, k: file.key.k, key_ops: ['encrypt', 'decrypt'] },
		iv: file.iv,
		hashes: file.hashes,
		url: file.url,
	};
	return downloadAttachment(client, info, () => {});
}
