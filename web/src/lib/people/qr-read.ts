// Reads a verification QR code from an image or the camera. Chromium's
// BarcodeDetector where the browser has one; it gives the code as text, so
// its bytes are kept only when each character is one byte (read as
// ISO-8859-1) and they have the payload's shape. Otherwise, and in browsers
// without it, jsQR, which gives the raw bytes of byte-mode data. Imported
// only by the scanning view (lazily): jsQR is not in any other page's code.
import jsQR from 'jsqr';
import { bytesOfLatin1, qrPayloadProblem } from '../matrix/qr-payload.ts';

interface DetectedBarcode {
	readonly rawValue: string;
}
interface BarcodeDetectorLike {
	detect(source: ImageBitmapSource): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorClass = new (options: { formats: string[] }) => BarcodeDetectorLike;

function barcodeDetector(): BarcodeDetectorLike | undefined {
	const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
	if (Detector === undefined) return undefined;
	try {
		return new Detector({ formats: ['qr_code'] });
	} catch {
		return undefined;
	}
}

async function detectNatively(source: ImageBitmapSource): Promise<Uint8Array | undefined> {
	const detector = barcodeDetector();
	if (detector === undefined) return undefined;
	try {
		for (const code of await detector.detect(source)) {
			const bytes = bytesOfLatin1(code.rawValue);
			if (bytes !== undefined && qrPayloadProblem(bytes) === undefined) return bytes;
		}
	} catch {
		// The library below reads it.
	}
	return undefined;
}

function pixelsOf(source: CanvasImageSource, width: number, height: number): ImageData | undefined {
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const context = canvas.getContext('2d', { willReadFrequently: true });
	if (context === null) return undefined;
	context.drawImage(source, 0, 0, width, height);
	return context.getImageData(0, 0, width, height);
}

function detectWithLibrary(pixels: ImageData | undefined): Uint8Array | undefined {
	if (pixels === undefined) return undefined;
	const code = jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'attemptBoth' });
	return code === null ? undefined : Uint8Array.from(code.binaryData);
}

/** The verification code in an image file; undefined when none is found. */
export async function readCodeFromFile(file: Blob): Promise<Uint8Array | undefined> {
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(file);
	} catch {
		return undefined;
	}
	try {
		return (await detectNatively(bitmap)) ?? detectWithLibrary(pixelsOf(bitmap, bitmap.width, bitmap.height));
	} finally {
		bitmap.close();
	}
}

/** Whether this browser can ask for a camera at all. */
export function cameraAvailable(): boolean {
	return typeof navigator !== 'undefined' && navigator.mediaDevices?.getUserMedia !== undefined;
}

export type CameraProblem = 'denied' | 'no-camera';

/**
 * Reads frames from the camera into `video` until a verification code is
 * found (`onCode`) or `stop` is called. Resolves with a problem when the
 * camera cannot be had.
 */
export async function scanWithCamera(
	video: HTMLVideoElement,
	onCode: (bytes: Uint8Array) => void,
): Promise<{ stop: () => void } | CameraProblem> {
	let stream: MediaStream;
	try {
		stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
	} catch (error) {
		return error instanceof DOMException && error.name === 'NotAllowedError' ? 'denied' : 'no-camera';
	}
	let stopped = false;
	const stop = (): void => {
		stopped = true;
		for (const track of stream.getTracks()) track.stop();
		video.srcObject = null;
	};
	video.srcObject = stream;
	video.muted = true;
	await video.play().catch(() => undefined);
	const frame = async (): Promise<void> => {
		if (stopped) return;
		if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) {
			const bytes = (await detectNatively(video)) ?? detectWithLibrary(pixelsOf(video, video.videoWidth, video.videoHeight));
			if (bytes !== undefined && qrPayloadProblem(bytes) === undefined && !stopped) {
				stop();
				return onCode(bytes);
			}
		}
		setTimeout(() => void frame(), 250);
	};
	void frame();
	return { stop };
}
