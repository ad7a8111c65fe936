import { describe, expect, it } from 'vitest';
import { bytesOfLatin1, qrPayloadFromText, qrPayloadProblem, qrPayloadText } from './qr-payload.ts';

/** A payload of the spec's shape: "MATRIX", version 2, mode 1, a 4-byte transaction ID, two keys, an 8-byte secret. */
function payload(overrides: { version?: number; mode?: number; cut?: number } = {}): Uint8Array {
	const bytes = [
		...'MATRIX'.split('').map((char) => char.charCodeAt(0)),
		overrides.version ?? 2,
		overrides.mode ?? 1,
		0,
		4,
		...'txn1'.split('').map((char) => char.charCodeAt(0)),
		...Array.from({ length: 64 }, (_, index) => (index * 7) % 256),
		...Array.from({ length: 8 }, (_, index) => 250 - index),
	];
	return Uint8Array.from(bytes.slice(0, bytes.length - (overrides.cut ?? 0)));
}

describe('qrPayloadProblem', () => {
	it('accepts the spec shape and names what is wrong otherwise', () => {
		expect(qrPayloadProblem(payload())).toBeUndefined();
		expect(qrPayloadProblem(new TextEncoder().encode('https://example.org/'))).toBe('not-matrix');
		expect(qrPayloadProblem(payload({ version: 1 }))).toBe('version');
		expect(qrPayloadProblem(payload({ mode: 3 }))).toBe('mode');
		expect(qrPayloadProblem(payload({ cut: 1 }))).toBe('short');
		expect(qrPayloadProblem([])).toBe('not-matrix');
	});
});

describe('the pasted code', () => {
	it('round-trips every byte through base64 text, line breaks and spaces ignored', () => {
		const bytes = payload();
		const text = qrPayloadText(bytes);
		expect(qrPayloadFromText(text)).toEqual(bytes);
		expect(qrPayloadFromText(`  ${text.slice(0, 20)}\n${text.slice(20)} `)).toEqual(bytes);
	});

	it('refuses text that is not base64', () => {
		expect(qrPayloadFromText('')).toBeUndefined();
		expect(qrPayloadFromText('not base64!')).toBeUndefined();
		expect(qrPayloadFromText('a=b')).toBeUndefined();
	});
});

describe('bytesOfLatin1', () => {
	it('keeps bytes read as ISO-8859-1 and refuses text decoded beyond one byte', () => {
		expect(bytesOfLatin1('MA\u00ff\u0000')).toEqual(Uint8Array.from([0x4d, 0x41, 0xff, 0]));
		expect(bytesOfLatin1('MA\ufffd')).toBeUndefined();
	});
});
