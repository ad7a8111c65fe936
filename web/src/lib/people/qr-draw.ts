// Draws a verification QR code: its payload is raw bytes, so it is encoded in
// byte mode (lean-qr's mode.bytes), never as text. Each module is drawn as a
// square of pixels with the quiet zone the spec of QR codes asks (four
// modules), large enough for a phone's camera and for a decoder reading a
// screenshot. Imported only by the QR view (lazily).
import { correction, generate, mode } from 'lean-qr';

const SCALE = 6;
const QUIET = 4;

export function drawQr(canvas: HTMLCanvasElement, bytes: Uint8Array | Uint8ClampedArray): void {
	const code = generate(mode.bytes(Uint8Array.from(bytes)), { minCorrectionLevel: correction.M });
	const side = (code.size + 2 * QUIET) * SCALE;
	canvas.width = side;
	canvas.height = side;
	const context = canvas.getContext('2d');
	if (context === null) return;
	context.fillStyle = '#ffffff';
	context.fillRect(0, 0, side, side);
	context.fillStyle = '#000000';
	for (let y = 0; y < code.size; y++)
		for (let x = 0; x < code.size; x++) if (code.get(x, y)) context.fillRect((x + QUIET) * SCALE, (y + QUIET) * SCALE, SCALE, SCALE);
}
