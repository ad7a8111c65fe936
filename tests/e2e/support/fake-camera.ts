// A picture as Chromium's fake camera shows it: a Y4M file (a text header,
// then frames of I420 planes, BT.601 full range as C420jpeg says) that
// Chromium plays in a loop when launched with --use-file-for-fake-video-capture.
// The picture is set on a white quiet zone, as a code held up to a camera is
// seen against a light page, and the frame's sides are even (I420 halves them).
import { writeFile } from 'node:fs/promises';

/** RGBA pixels, four bytes a pixel, row by row (as getImageData gives them). */
export interface RgbaPicture {
	readonly width: number;
	readonly height: number;
	readonly data: Uint8Array | Uint8ClampedArray | readonly number[];
}

/** The flags that make Chromium's camera play `y4mPath` (no permission prompt: granted). */
export function fakeCameraArgs(y4mPath: string): string[] {
	return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4mPath}`];
}

/** The flags that give Chromium a fake camera it is denied the use of (the prompt answered "block"). */
export function deniedCameraArgs(): string[] {
	return ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream=deny'];
}

const clamp = (value: number): number => Math.max(0, Math.min(255, Math.round(value)));

/**
 * One Y4M frame of `picture`, centred on white with at least `margin` pixels
 * each side, every pixel of the picture drawn `scale` times wide and high.
 */
export function y4mOf(picture: RgbaPicture, { margin = 48, scale = 1 }: { margin?: number; scale?: number } = {}): Buffer {
	if (picture.data.length !== picture.width * picture.height * 4) throw new Error('the picture is not RGBA of its size');
	const even = (n: number): number => n + (n % 2);
	const width = even(picture.width * scale + 2 * margin);
	const height = even(picture.height * scale + 2 * margin);
	const rgbAt = (x: number, y: number): [number, number, number] => {
		const px = Math.floor((x - margin) / scale);
		const py = Math.floor((y - margin) / scale);
		if (x < margin || y < margin || px >= picture.width || py >= picture.height) return [255, 255, 255];
		const i = (py * picture.width + px) * 4;
		const alpha = (picture.data[i + 3] ?? 255) / 255;
		// A transparent pixel shows the white behind it.
		const over = (c: number | undefined): number => (c ?? 255) * alpha + 255 * (1 - alpha);
		return [over(picture.data[i]), over(picture.data[i + 1]), over(picture.data[i + 2])];
	};
	const luma = Buffer.alloc(width * height);
	const cb = Buffer.alloc((width / 2) * (height / 2));
	const cr = Buffer.alloc((width / 2) * (height / 2));
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++) {
			const [r, g, b] = rgbAt(x, y);
			luma[y * width + x] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
		}
	for (let y = 0; y < height / 2; y++)
		for (let x = 0; x < width / 2; x++) {
			let u = 0;
			let v = 0;
			for (const [dx, dy] of [
				[0, 0],
				[1, 0],
				[0, 1],
				[1, 1],
			] as const) {
				const [r, g, b] = rgbAt(2 * x + dx, 2 * y + dy);
				u += 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
				v += 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
			}
			cb[y * (width / 2) + x] = clamp(u / 4);
			cr[y * (width / 2) + x] = clamp(v / 4);
		}
	const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`, 'latin1');
	return Buffer.concat([header, Buffer.from('FRAME\n', 'latin1'), luma, cb, cr]);
}

/** Writes `picture` as the fake camera's file. */
export async function writeY4m(path: string, picture: RgbaPicture, options?: { margin?: number; scale?: number }): Promise<void> {
	await writeFile(path, y4mOf(picture, options));
}
