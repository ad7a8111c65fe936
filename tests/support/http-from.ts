// HTTP requests from a chosen loopback source address (node:http with
// localAddress and no connection reuse), so one test can stand for many
// clients of a server that tells them apart by address — all of 127.0.0.0/8
// is this machine's. Answers are plain values; nothing is thrown for a status.
import { request, type IncomingHttpHeaders } from 'node:http';

export interface PlainResponse {
	readonly status: number;
	readonly headers: IncomingHttpHeaders;
	readonly body: string;
	/** The Set-Cookie lines, as sent. */
	readonly setCookies: readonly string[];
}

export interface PlainRequest {
	readonly method?: string;
	readonly headers?: Readonly<Record<string, string>>;
	readonly body?: string;
}

export function httpFrom(localAddress: string, url: string, init: PlainRequest = {}): Promise<PlainResponse> {
	return new Promise((resolve, reject) => {
		const length = init.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(init.body)) };
		const req = request(
			url,
			{ method: init.method ?? 'GET', headers: { ...length, ...init.headers }, localAddress, agent: false },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						body: Buffer.concat(chunks).toString('utf8'),
						setCookies: res.headers['set-cookie'] ?? [],
					}),
				);
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		if (init.body !== undefined) req.write(init.body);
		req.end();
	});
}

/** The value a Set-Cookie line gives the named cookie, or undefined when it sets none; '' when it clears it. */
export function cookieSet(response: PlainResponse, name: string): string | undefined {
	for (const line of response.setCookies) {
		const [pair = ''] = line.split(';');
		const eq = pair.indexOf('=');
		if (pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
	}
	return undefined;
}
