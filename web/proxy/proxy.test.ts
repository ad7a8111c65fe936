// The same-origin Matrix proxy against a stand-in homeserver on loopback:
// what it passes on and how (headers, bodies, compression, streaming,
// aborts), and what it refuses — requests meant to abuse it, each checked
// to reach no homeserver at all.
import {
	createServer,
	request as httpRequest,
	type IncomingHttpHeaders,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import { connect } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { matrixProxy } from './proxy.ts';

interface Seen {
	readonly method: string;
	readonly url: string;
	readonly headers: IncomingHttpHeaders;
	readonly body: Buffer;
}

/** What the stand-in homeserver was asked; its answers by path. */
const seen: Seen[] = [];
const aborted: string[] = [];
const SYNC_BODY = JSON.stringify({ next_batch: 's2', rooms: { join: {} }, padding: 'x'.repeat(4000) });

function homeserver(request: IncomingMessage, response: ServerResponse): void {
	const chunks: Buffer[] = [];
	request.on('data', (chunk: Buffer) => chunks.push(chunk));
	request.on('end', () => {
		seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
		const path = (request.url ?? '').split('?')[0];
		if (path === '/_matrix/client/v3/sync') {
			response.writeHead(200, {
				'Content-Type': 'application/json',
				'Set-Cookie': 'session=homeserver; Path=/',
				'Access-Control-Allow-Origin': '*',
				'Content-Security-Policy': "default-src 'self'",
				Connection: 'keep-alive, X-Hop',
				'X-Hop': 'hop',
				'Cache-Control': 'no-cache, no-store, must-revalidate',
			});
			response.end(SYNC_BODY);
		} else if (path === '/_matrix/client/v3/hang') {
			// Long-polls until the proxy lets go.
			response.on('close', () => aborted.push(request.url ?? ''));
			response.writeHead(200, { 'Content-Type': 'application/json' });
			response.write('{');
		} else if (path === '/_matrix/client/v1/media/download/hs/abc') {
			response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': '5000' });
			response.end(Buffer.alloc(5000, 7));
		} else {
			response.writeHead(200, { 'Content-Type': 'application/json' });
			response.end(JSON.stringify({ echo: request.url }));
		}
	});
}

let upstream: Server;
let proxyServer: Server;
let proxyPort: number;
const MAX_BODY = 64 * 1024;
const MAX_UPLOAD = 256 * 1024;

async function listen(server: Server): Promise<number> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('no port');
	return address.port;
}

beforeAll(async () => {
	upstream = createServer(homeserver);
	const upstreamPort = await listen(upstream);
	const members = new Map([['hs.test:8448', `http://127.0.0.1:${upstreamPort}`]]);
	proxyServer = createServer(
		matrixProxy({
			members: () => members,
			address: { header: '', depth: 1 },
			maxBodyBytes: MAX_BODY,
			maxUploadBytes: MAX_UPLOAD,
			idleTimeoutMs: 10_000,
		}),
	);
	proxyPort = await listen(proxyServer);
});

afterAll(async () => {
	proxyServer.closeAllConnections();
	upstream.closeAllConnections();
	await new Promise((resolve) => proxyServer.close(resolve));
	await new Promise((resolve) => upstream.close(resolve));
});

beforeEach(() => {
	seen.length = 0;
	aborted.length = 0;
});

interface Answer {
	readonly status: number;
	readonly headers: IncomingHttpHeaders;
	readonly body: Buffer;
}

function ask(path: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const request = httpRequest({ host: '127.0.0.1', port: proxyPort, path, method: options.method ?? 'GET', headers: options.headers });
		request.on('response', (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
			response.on('error', reject);
		});
		request.on('error', reject);
		request.end(options.body);
	});
}

/** A request written byte for byte, as no well-behaved client would; resolves with the raw answer. */
function raw(text: string): Promise<string> {
	return new Promise((resolve) => {
		const socket = connect(proxyPort, '127.0.0.1', () => socket.write(text));
		let answer = '';
		socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
		socket.on('close', () => resolve(answer));
		socket.on('error', () => resolve(answer));
		socket.setTimeout(5_000, () => socket.destroy());
	});
}

const SYNC = '/matrix/hs.test:8448/_matrix/client/v3/sync?since=s1&timeout=0';

describe('what the proxy passes on', () => {
	it('forwards path, query, method, body and the access token to the homeserver it names', async () => {
		const body = JSON.stringify({ msgtype: 'm.text', body: 'hello' });
		const answer = await ask('/matrix/hs.test%3A8448/_matrix/client/v3/rooms/!r%3Ahs/send/m.room.message/t1', {
			method: 'PUT',
			headers: { Authorization: 'Bearer syt_token', 'Content-Type': 'application/json' },
			body,
		});
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body.toString('utf8'))).toEqual({ echo: '/_matrix/client/v3/rooms/!r%3Ahs/send/m.room.message/t1' });
		expect(seen).toHaveLength(1);
		expect(seen[0]?.method).toBe('PUT');
		expect(seen[0]?.headers['authorization']).toBe('Bearer syt_token');
		expect(seen[0]?.body.toString('utf8')).toBe(body);
	});

	it('tells the homeserver the browser’s address, not one the browser chose, and none of the app’s cookies or hop-by-hop headers', async () => {
		await ask(SYNC, {
			headers: {
				Cookie: 'rogatory_session=secret',
				'X-Forwarded-For': '203.0.113.9',
				Origin: 'http://127.0.0.1',
				Connection: 'X-Private',
				'X-Private': 'for the next hop only',
				'Proxy-Authorization': 'Basic eDp5',
			},
		});
		const headers = seen[0]?.headers ?? {};
		expect(headers['x-forwarded-for']).toBe('127.0.0.1');
		expect(headers['cookie']).toBeUndefined();
		expect(headers['origin']).toBeUndefined();
		expect(headers['x-private']).toBeUndefined();
		expect(headers['proxy-authorization']).toBeUndefined();
		expect(headers['host']).toBe(`127.0.0.1:${String((upstream.address() as { port: number }).port)}`);
	});

	it('compresses JSON with Brotli or gzip as the browser accepts, and gives back none of the homeserver’s cookies, CORS or hop-by-hop headers', async () => {
		const br = await ask(SYNC, { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
		expect(br.headers['content-encoding']).toBe('br');
		expect(br.headers['vary']).toBe('Accept-Encoding');
		expect(br.body.length).toBeLessThan(SYNC_BODY.length / 4);
		expect(brotliDecompressSync(br.body).toString('utf8')).toBe(SYNC_BODY);
		expect(br.headers['set-cookie']).toBeUndefined();
		expect(br.headers['access-control-allow-origin']).toBeUndefined();
		expect(br.headers['content-security-policy']).toBeUndefined();
		expect(br.headers['x-hop']).toBeUndefined();
		expect(br.headers['cache-control']).toBe('no-cache, no-store, must-revalidate');
		// The homeserver itself was asked for the plain body.
		expect(seen[0]?.headers['accept-encoding']).toBe('identity');

		const gzip = await ask(SYNC, { headers: { 'Accept-Encoding': 'gzip;q=1, br;q=0' } });
		expect(gzip.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(gzip.body).toString('utf8')).toBe(SYNC_BODY);

		const plain = await ask(SYNC);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.body.toString('utf8')).toBe(SYNC_BODY);
	});

	it('passes media through as it is, uncompressed', async () => {
		const media = await ask('/matrix/hs.test:8448/_matrix/client/v1/media/download/hs/abc', { headers: { 'Accept-Encoding': 'br, gzip' } });
		expect(media.status).toBe(200);
		expect(media.headers['content-encoding']).toBeUndefined();
		expect(media.headers['content-length']).toBe('5000');
		expect(media.body.equals(Buffer.alloc(5000, 7))).toBe(true);
	});

	it('drops the homeserver request when the browser goes away (an aborted long-poll)', async () => {
		const request = httpRequest({ host: '127.0.0.1', port: proxyPort, path: '/matrix/hs.test:8448/_matrix/client/v3/hang' });
		request.on('error', () => undefined);
		await new Promise<void>((resolve) => {
			request.on('response', (response) => response.once('data', () => resolve()));
			request.end();
		});
		request.destroy();
		await expect.poll(() => aborted).toEqual(['/_matrix/client/v3/hang']);
	});

	it('streams an upload up to the attachment limit', async () => {
		const upload = Buffer.alloc(MAX_BODY * 2, 1);
		const answer = await ask('/matrix/hs.test:8448/_matrix/media/v3/upload', {
			method: 'POST',
			headers: { 'Content-Type': 'application/octet-stream' },
			body: upload,
		});
		expect(answer.status).toBe(200);
		expect(seen[0]?.body.length).toBe(upload.length);
	});
});

describe('what the proxy refuses, reaching no homeserver', () => {
	it('a server the deployment does not list, or an absolute URL smuggled into the path', async () => {
		for (const path of [
			'/matrix/evil.example/_matrix/client/versions',
			'/matrix/http:%2F%2Fevil.example/_matrix/client/versions',
			'/matrix/hs.test:8448@evil.example/_matrix/client/versions',
			'/matrix/hs.test:8448/_synapse/admin/v1/users',
		]) {
			const answer = await ask(path);
			expect(answer.status, path).toBe(404);
			expect(JSON.parse(answer.body.toString('utf8'))).toMatchObject({ errcode: 'M_UNRECOGNIZED' });
		}
		// A request-target in absolute form is not the proxy's at all (the app answers it).
		expect(
			await raw('GET http://evil.example/_matrix/client/versions HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n'),
		).toMatch(/^HTTP\/1\.1 404 /);
		expect(seen).toEqual([]);
	});

	it('dot segments that would climb out of /_matrix/', async () => {
		for (const path of [
			'/matrix/hs.test:8448/_matrix/client/%2e%2e/%2e%2e/_synapse/admin/v1/users',
			'/matrix/hs.test:8448/_matrix/../_synapse/admin',
		]) {
			expect(await raw(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`), path).toMatch(/^HTTP\/1\.1 400 /);
		}
		expect(seen).toEqual([]);
	});

	it('CR or LF in a header: the request is refused, and nothing is passed on', async () => {
		const attempts = [
			`GET ${SYNC} HTTP/1.1\r\nHost: x\r\nX-Test: a\rInjected: b\r\nConnection: close\r\n\r\n`,
			`GET ${SYNC} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a\nX-Injected: b\r\nConnection: close\r\n\r\n`,
			`GET ${SYNC} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\nGET /matrix/hs.test:8448/_matrix/client/v3/smuggled HTTP/1.1\r\nHost: x\r\n\r\n`,
		];
		for (const attempt of attempts) expect(await raw(attempt), JSON.stringify(attempt)).toMatch(/^HTTP\/1\.1 400 /);
		expect(
			seen.filter((s) => s.url.includes('smuggled') || s.headers['injected'] !== undefined || s.headers['x-injected'] !== undefined),
		).toEqual([]);
	});

	it('a body larger than the limit: declared, or sent without a length', async () => {
		const declared = await ask('/matrix/hs.test:8448/_matrix/client/v3/keys/upload', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: Buffer.alloc(MAX_BODY + 1, 32),
		});
		expect(declared.status).toBe(413);
		expect(JSON.parse(declared.body.toString('utf8'))).toMatchObject({ errcode: 'M_TOO_LARGE' });
		const upload = await ask('/matrix/hs.test:8448/_matrix/media/v3/upload', { method: 'POST', body: Buffer.alloc(MAX_UPLOAD + 1, 1) });
		expect(upload.status).toBe(413);

		// Chunked, no length: counted as it comes, and stopped.
		const chunked = await new Promise<number>((resolve, reject) => {
			const request = httpRequest({
				host: '127.0.0.1',
				port: proxyPort,
				path: '/matrix/hs.test:8448/_matrix/client/v3/keys/upload',
				method: 'POST',
				headers: { 'Transfer-Encoding': 'chunked' },
			});
			request.on('response', (response) => {
				response.resume();
				resolve(response.statusCode ?? 0);
			});
			request.on('error', reject);
			const chunk = Buffer.alloc(16 * 1024, 32);
			let sent = 0;
			const more = (): void => {
				while (sent <= MAX_BODY * 4) {
					sent += chunk.length;
					if (!request.write(chunk)) return void request.once('drain', more);
				}
				request.end();
			};
			more();
		});
		expect(chunked).toBe(413);
		expect(seen).toEqual([]);
	});

	it('a method the Matrix API has no use for', async () => {
		const answer = await ask(SYNC, { method: 'TRACE' });
		expect(answer.status).toBe(405);
		expect(seen).toEqual([]);
	});

	it('says so when the homeserver cannot be reached', async () => {
		const gone = createServer(
			matrixProxy({
				members: () => new Map([['down.test', 'http://127.0.0.1:1']]),
				address: { header: '', depth: 1 },
				maxBodyBytes: MAX_BODY,
				maxUploadBytes: MAX_UPLOAD,
				idleTimeoutMs: 10_000,
			}),
		);
		const port = await listen(gone);
		const answer = await new Promise<number>((resolve) =>
			httpRequest({ host: '127.0.0.1', port, path: '/matrix/down.test/_matrix/client/versions' }, (response) => {
				response.resume();
				resolve(response.statusCode ?? 0);
			}).end(),
		);
		expect(answer).toBe(502);
		gone.closeAllConnections();
		await new Promise((resolve) => gone.close(resolve));
	});
});
