// The verification QR code's payload (spec: "QR code format"): raw bytes, not
// text — "MATRIX", a version byte (0x02), a mode byte (0 own user, 1 other
// user, 2 own unverified device), a transaction ID, two keys and a secret.
// A decoded image or a pasted code is checked against that shape before the
// crypto sees it, so that a wrong picture says "not a verification code"
// instead of a crypto error. For people without a camera the code is also
// shown and pasted as base64 text.

const PREFIX = [0x4d, 0x41, 0x54, 0x52, 0x49, 0x58]; // "MATRIX"
const VERSION = 0x02;
/** Prefix, version, mode, the transaction ID's two length bytes, two 32-byte keys and a secret of at least 8 bytes. */
const MIN_LENGTH = PREFIX.length + 1 + 1 + 2 + 32 + 32 + 8;

export type QrPayloadProblem = 'not-matrix' | 'version' | 'mode' | 'short';

/** Why the bytes are not a verification code, or undefined when they have its shape. */
export function qrPayloadProblem(bytes: ArrayLike<number>): QrPayloadProblem | undefined {
	if (bytes.length < PREFIX.length || PREFIX.some((byte, index) => bytes[index] !== byte)) return 'not-matrix';
	if (bytes[PREFIX.length] !== VERSION) return 'version';
	const mode = bytes[PREFIX.length + 1] ?? -1;
	if (mode < 0 || mode > 2) return 'mode';
	const idLength = ((bytes[PREFIX.length + 2] ?? 0) << 8) | (bytes[PREFIX.length + 3] ?? 0);
	if (bytes.length < MIN_LENGTH + idLength) return 'short';
	return undefined;
}

/** The code as text to copy: standard base64 of the bytes. */
export function qrPayloadText(bytes: ArrayLike<number>): string {
	let binary = '';
	for (let index = 0; index < bytes.length; index++) binary += String.fromCharCode(bytes[index] ?? 0);
	return btoa(binary);
}

/** A pasted code back to its bytes; whitespace and line breaks (from copying) are ignored. Undefined when it is not base64. */
export function qrPayloadFromText(text: string): Uint8Array | undefined {
	const compact = text.replace(/\s+/g, '');
	if (compact === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
	try {
		const binary = atob(compact);
		return Uint8Array.from(binary, (char) => char.charCodeAt(0));
	} catch {
		return undefined;
	}
}

/**
 * A decoded QR code's text back to bytes, where the decoder gave text
 * (BarcodeDetector's rawValue): each character one byte when the decoder read
 * the bytes as ISO-8859-1; undefined when a character is beyond one byte (the
 * decoder read them as UTF-8 and the bytes are lost).
 */
export function bytesOfLatin1(text: string): Uint8Array | undefined {
	const bytes = new Uint8Array(text.length);
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code > 0xff) return undefined;
		bytes[index] = code;
	}
	return bytes;
}
