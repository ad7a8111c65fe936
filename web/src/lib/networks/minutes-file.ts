// The minutes export in the browser: the SHA-256 of the bytes
// policies/plenary's renderMinutes wrote (policies/ hashes nothing: the caller
// does, with WebCrypto), shown beside the document so that two members can
// compare theirs, and the file handed to the browser as a download (a blob:
// URL, so the minutes never leave this browser on their way to the disk).
import { renderMinutes, type MinutesDocument, type MinutesRefusal, type PlenaryRecord } from '#policies/plenary/index.ts';
import { err, ok, type Result } from '#policies/result.ts';
import type { Language } from '#policies/roster/types.ts';
import { saveBytes } from '../ui/save-bytes.ts';

/** Lower-case hex, as `sha256sum` prints it. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface MinutesExport {
	readonly document: MinutesDocument;
	readonly sha256: string;
}

/** The minutes of `record` in `language` with their hash, or why there are none. */
export async function exportMinutes(record: PlenaryRecord, language: Language): Promise<Result<MinutesExport, MinutesRefusal>> {
	const document = renderMinutes(record, language);
	if (!document.ok) return err(document.error);
	return ok({ document: document.value, sha256: await sha256Hex(document.value.bytes) });
}

export function downloadMinutes(document: MinutesDocument): void {
	saveBytes(document.bytes, document.filename, document.mediaType);
}
