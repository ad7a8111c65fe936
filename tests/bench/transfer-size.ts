// How many bytes a resource costs on the wire with each content encoding the
// web server offers: asks for it with one Accept-Encoding at a time and counts
// the body as sent, without decompressing it.
import { request } from 'node:http';

export type Encoding = 'identity' | 'gzip' | 'br';

export function transferSize(url: string, encoding: Encoding): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = request(url, { headers: { 'accept-encoding': encoding } }, (response) => {
			let bytes = 0;
			response.on('data', (chunk: Buffer) => (bytes += chunk.length));
			response.on('end', () => (response.statusCode === 200 ? resolve(bytes) : reject(new Error(`${url}: HTTP ${response.statusCode}`))));
			response.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

export type AssetKind = 'js' | 'css' | 'wasm' | 'other';

export function kindOf(url: string): AssetKind {
	const path = new URL(url).pathname;
	if (/\.m?js$/.test(path)) return 'js';
	if (path.endsWith('.css')) return 'css';
	if (path.endsWith('.wasm')) return 'wasm';
	return 'other';
}
