// An encrypted attachment in a case room, for integration tests outside
// web/: encrypted, uploaded, sent and fetched back with the web app's own
// attachment encryption (web/src/lib/attachments/encrypted-file.ts), the way
// web/src/lib/matrix/case-attachments.ts does in the browser — the
// ciphertext uploaded with nothing of the file's name or type, the key in the
// Megolm-encrypted m.file event, the download through authenticated media.
import type * as sdk from 'matrix-js-sdk';
import { decryptAttachment, encryptAttachment, type EncryptedFileInfo } from '../../web/src/lib/attachments/encrypted-file.ts';

export type SentFile = EncryptedFileInfo & { readonly url: string };

/** Encrypts `bytes`, uploads the ciphertext at the client's homeserver and sends the m.file event; resolves with its ID. */
export async function sendEncryptedAttachment(client: sdk.MatrixClient, room: string, name: string, bytes: Uint8Array): Promise<string> {
	const { ciphertext, info } = await encryptAttachment(bytes);
	const { content_uri: url } = await client.uploadContent(new Blob([ciphertext as BlobPart], { type: 'application/octet-stream' }), {
		includeFilename: false,
		type: 'application/octet-stream',
	});
	const content = {
		msgtype: 'm.file',
		body: name,
		filename: name,
		info: { size: bytes.length, mimetype: 'application/pdf' },
		file: { ...info, url },
		'm.mentions': {},
	};
	const { event_id } = await client.sendMessage(room, content as never);
	return event_id;
}

/** Downloads the attachment through the client's own homeserver (over federation when it is another's) and decrypts it. */
export async function fetchEncryptedAttachment(client: sdk.MatrixClient, file: SentFile): Promise<Uint8Array> {
	const where = /^mxc:\/\/([^/]+)\/([^/]+)$/.exec(file.url);
	if (where === null) throw new Error(`not an mxc URL: ${file.url}`);
	const url = `${client.getHomeserverUrl()}/_matrix/client/v1/media/download/${encodeURIComponent(where[1]!)}/${encodeURIComponent(where[2]!)}`;
	const response = await fetch(url, { headers: { authorization: `Bearer ${client.getAccessToken() ?? ''}` } });
	if (!response.ok) throw new Error(`downloading ${file.url}: HTTP ${response.status} ${await response.text()}`);
	const plain = await decryptAttachment(new Uint8Array(await response.arrayBuffer()), file);
	if (!plain.ok) throw new Error(`decrypting ${file.url}: ${plain.error}`);
	return plain.value;
}
