import { describe, expect, it } from 'vitest';
import { downloadPercent, DownloadWatch, type CryptoDownload } from './crypto-download.ts';

describe('DownloadWatch', () => {
	it('counts the body as it is read, keeps status and headers, and says when it is done', async () => {
		const watch = new DownloadWatch(10);
		const heard: CryptoDownload[] = [];
		watch.watch((download) => heard.push(download));
		const chunks = [new Uint8Array(4), new Uint8Array(6)];
		const source = new ReadableStream<Uint8Array>({
			start(controller) {
				for (const chunk of chunks) controller.enqueue(chunk);
				controller.close();
			},
		});
		const counted = watch.counted(new Response(source, { status: 200, headers: { 'Content-Type': 'application/wasm' } }));
		expect(counted.headers.get('Content-Type')).toBe('application/wasm');
		expect((await counted.arrayBuffer()).byteLength).toBe(10);
		expect(heard).toEqual([
			{ loaded: 0, total: 10, done: false },
			{ loaded: 4, total: 10, done: false },
			{ loaded: 10, total: 10, done: false },
			{ loaded: 10, total: 10, done: true },
		]);
		expect(heard.map(downloadPercent)).toEqual([0, 40, 99, 100]);
	});

	it('tells a late listener where things stand, and leaves a refusal as it is', () => {
		const watch = new DownloadWatch(undefined);
		watch.report({ loaded: 5, total: undefined, done: false });
		let latest: CryptoDownload | undefined;
		watch.watch((download) => (latest = download));
		expect(latest).toEqual({ loaded: 5, total: undefined, done: false });
		expect(downloadPercent(latest!)).toBeUndefined();
		const refused = new Response('no', { status: 404 });
		expect(watch.counted(refused)).toBe(refused);
	});
});
