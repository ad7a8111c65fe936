// Attachments of case rooms over Matrix: encrypted in the browser (attachment
// encryption v2, attachments/encrypted-file.ts), the ciphertext uploaded with
// nothing of the file's name or type, and downloaded through authenticated
// media and checked against its hash before it is decrypted.
import { err, ok, type Result } from '#policies/result.ts';
import { decryptAttachment, encryptAttachment, type EncryptedFileInfo } from '../attachments/encrypted-file.ts';
import { MAX_ATTACHMENT_BYTES } from '#policies/attachments/limits.ts';
import type { SendProblem } from './cases.ts';
import { describeFailure, type Failure } from './failure.ts';
import { mediaDownloadUrl } from './media-url.ts';
import type { MatrixClient } from './sdk.ts';

/**
 * Encrypts a file for a case room (Matrix attachment encryption v2): the
 * ciphertext to upload, and the m.file content that names it, without its URL
 * until the upload gives one.
 */
export async function prepareAttachment(file: {
	readonly name: string;
	readonly type: string;
	readonly bytes: Uint8Array;
}): Promise<Result<{ readonly ciphertext: Uint8Array; readonly content: Readonly<Record<string, unknown>> }, SendProblem>> {
	if (file.bytes.length > MAX_ATTACHMENT_BYTES)
		return err({ kind: 'invalid-event', code: 'too-large', reason: `the file is larger than ${String(MAX_ATTACHMENT_BYTES)} bytes` });
	const { ciphertext, info } = await encryptAttachment(file.bytes);
	return ok({
		ciphertext,
		content: {
			msgtype: 'm.file',
			body: file.name,
			filename: file.name,
			info: { size: file.bytes.length, mimetype: file.type === '' ? 'application/octet-stream' : file.type },
			file: info,
			'm.mentions': {},
		},
	});
}

/** Uploads an attachment's ciphertext (nothing of the file's name or type goes with it); resolves with its mxc URL. */
export async function uploadCiphertext(
	client: MatrixClient,
	ciphertext: Uint8Array,
	onProgress: (loaded: number, total: number) => void,
): Promise<Result<string, Failure>> {
	try {
		const { content_uri: url } = await client.uploadContent(new Blob([ciphertext as BlobPart], { type: 'application/octet-stream' }), {
			includeFilename: false,
			type: 'application/octet-stream',
			progressHandler: ({ loaded, total }) => onProgress(loaded, total),
		});
		return ok(url);
	} catch (error) {
		return err(describeFailure(error));
	}
}

export type DownloadProblem = { readonly kind: 'tampered' } | Failure;

/** Downloads an attachment's ciphertext (authenticated media) and decrypts it after checking its hash. */
export async function downloadAttachment(
	client: MatrixClient,
	file: EncryptedFileInfo & { readonly url: string },
	onProgress: (loaded: number, total: number | undefined) => void,
): Promise<Result<Uint8Array, DownloadProblem>> {
	const http = mediaDownloadUrl(client.getHomeserverUrl(), file.url);
	if (http === undefined) return err({ kind: 'tampered' });
	let ciphertext: Uint8Array;
	try {
		const response = await fetch(http, { headers: { Authorization: `Bearer ${client.getAccessToken() ?? ''}` } });
		if (!response.ok || response.body === null) return err(describeFailure(new Error(`HTTP ${String(response.status)}`)));
		const length = Number(response.headers.get('content-length') ?? '');
		const total = Number.isFinite(length) && length > 0 ? length : undefined;
		const reader = response.body.getReader();
		const chunks: Uint8Array[] = [];
		let loaded = 0;
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			chunks.push(value);
			loaded += value.length;
			onProgress(loaded, total);
		}
		ciphertext = new Uint8Array(loaded);
		let at = 0;
		for (const chunk of chunks) {
			ciphertext.set(chunk, at);
			at += chunk.length;
		}
	} catch (error) {
		return err(describeFailure(error));
	}
	const plain = await decryptAttachment(ciphertext, file);
	return plain.ok ? plain : err({ kind: 'tampered' });
}
