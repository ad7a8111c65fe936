// Whether and how the proxy compresses a homeserver's answer for the
// browser: JSON and text only (media is encrypted or already compressed,
// so compressing it costs time and saves nothing), by the browser's
// Accept-Encoding — Brotli first, then gzip — and never an answer the
// homeserver encoded itself. Brotli at a middle quality: a /sync answer is
// compressed as it is sent, and the best qualities cost more time than they
// save on a slow line.
import { constants, createBrotliCompress, createGzip, type BrotliCompress, type Gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

const COMPRESSIBLE = /^(application\/(json|[\w.+-]+\+json)|text\/[\w.+-]+)\s*(;|$)/i;

/** Below this many bytes (when the length is known) compression saves less than its headers cost. */
export const MIN_COMPRESSED_BYTES = 256;

function accepted(acceptEncoding: string, coding: string): boolean {
	return acceptEncoding
		.split(',')
		.map((part) => part.trim().toLowerCase().split(';'))
		.some(([name, ...params]) => name?.trim() === coding && !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p)));
}

export function chooseEncoding(options: {
	readonly acceptEncoding: string | undefined;
	readonly contentType: string | undefined;
	readonly contentEncoding: string | undefined;
	readonly contentLength: string | undefined;
}): Encoding | undefined {
	const { acceptEncoding, contentType, contentEncoding, contentLength } = options;
	if (acceptEncoding === undefined || contentType === undefined || !COMPRESSIBLE.test(contentType)) return undefined;
	if (contentEncoding !== undefined && contentEncoding.trim().toLowerCase() !== 'identity') return undefined;
	if (contentLength !== undefined && Number(contentLength) < MIN_COMPRESSED_BYTES) return undefined;
	if (accepted(acceptEncoding, 'br')) return 'br';
	if (accepted(acceptEncoding, 'gzip')) return 'gzip';
	return undefined;
}

export function compressor(encoding: Encoding): BrotliCompress | Gzip {
	return encoding === 'br'
		? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } })
		: createGzip({ level: 6 });
}
