// The same-origin Matrix proxy in the built web server (docs/decisions.md,
// "The Matrix client API, same-origin"), started as npm start starts it,
// with a stand-in homeserver on loopback as the roster's authority and a
// second one the roster does not claim: the member is answered through the
// app at /matrix/<server name>/…, compressed and with the app's security
// headers; the other, the app's own pages and any trick in the path reach
// no homeserver. web/proxy/*.test.ts try the rest of the abuse one request
// at a time. Needs the build (npm test builds before the integration tests).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoDeployment } from '../../deploy/roster/demo-deployment.ts';
import { startWebServer, type WebServer } from '../../scripts/web-server.ts';
import { RESOURCE_POLICY } from '../../web/security/csp.ts';

const MEMBER = 'member.test:8448';
const OUTSIDER = 'outsider.test:8448';
const asked: { readonly homeserver: string; readonly url: string; readonly headers: IncomingHttpHeaders }[] = [];
const BODY = JSON.stringify({ versions: ['v1.11', 'v1.12'], padding: 'x'.repeat(2000) });

let web: WebServer | undefined;
const homeservers: Server[] = [];
let scratch: string | undefined;

async function standIn(name: string): Promise<string> {
	const server = createServer((req, res) => {
		asked.push({ homeserver: name, url: req.url ?? '', headers: req.headers });
		res.writeHead(200, { 'Content-Type': 'application/json', 'Set-Cookie': 'x=1', 'Access-Control-Allow-Origin': '*' });
		res.end(BODY);
	});
	homeservers.push(server);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('no port');
	return `http://127.0.0.1:${String(address.port)}`;
}

beforeAll(async () => {
	scratch = mkdtempSync(join(tmpdir(), 'rogatory-matrix-proxy-'));
	const federationFile = join(scratch, 'federation.json');
	writeFileSync(
		federationFile,
		JSON.stringify({
			profile: 'proxy',
			homeservers: [
				{ id: 'gt-mp', serverName: MEMBER, clientUrl: await standIn(MEMBER) },
				{ id: 'outsider', serverName: OUTSIDER, clientUrl: await standIn(OUTSIDER) },
			],
		}),
	);
	const started = await startWebServer({
		root: process.cwd(),
		host: '127.0.0.1',
		port: 28084,
		federationFile,
		deployment: writeDemoDeployment(scratch),
		logTo: 'ignore',
	});
	if (!started.ok) throw new Error(started.error);
	web = started.value;
});

afterAll(async () => {
	await web?.stop();
	for (const server of homeservers) {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	}
	if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
});

/** A GET with the raw path as written (fetch would normalise dot segments away). */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
	const url = new URL(web?.url ?? '');
	return new Promise((resolve, reject) => {
		const req = request({ host: url.hostname, port: url.port, path, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', reject);
		req.end();
	});
}

describe('the built web server’s Matrix proxy', () => {
	it('answers a member homeserver’s client API same-origin, compressed, with the app’s security headers', async () => {
		asked.length = 0;
		const answer = await get(`/matrix/${MEMBER}/_matrix/client/versions`, { 'Accept-Encoding': 'br' });
		expect(answer.status).toBe(200);
		expect(answer.headers['content-encoding']).toBe('br');
		expect(brotliDecompressSync(answer.body).toString('utf8')).toBe(BODY);
		expect(answer.headers['content-security-policy']).toBe(RESOURCE_POLICY);
		expect(answer.headers['x-content-type-options']).toBe('nosniff');
		expect(answer.headers['set-cookie']).toBeUndefined();
		expect(answer.headers['access-control-allow-origin']).toBeUndefined();
		expect(asked).toMatchObject([{ homeserver: MEMBER, url: '/_matrix/client/versions' }]);
	});

	it('reaches no homeserver the roster does not claim, nor any through a trick in the path', async () => {
		asked.length = 0;
		expect((await get(`/matrix/${OUTSIDER}/_matrix/client/versions`)).status).toBe(404);
		expect((await get(`/matrix/${MEMBER}/_matrix/client/../../_synapse/admin/v1/users`)).status).toBe(400);
		expect((await get(`/matrix/${MEMBER}/_matrix/client/%2e%2e/%2e%2e/_synapse/admin/v1/users`)).status).toBe(400);
		expect((await get(`/matrix/${MEMBER}/_synapse/admin/v1/users`)).status).toBe(404);
		expect((await get(`/matrix/127.0.0.1/_matrix/client/versions`)).status).toBe(404);
		// The app's own pages are still the app's.
		expect((await get('/en/sign-in')).status).toBe(200);
		const absolute = await new Promise<string>((resolve) => {
			const url = new URL(web?.url ?? '');
			const socket = connect(Number(url.port), url.hostname, () =>
				socket.write(`GET http://${OUTSIDER}/_matrix/client/versions HTTP/1.1\r\nHost: ${OUTSIDER}\r\nConnection: close\r\n\r\n`),
			);
			let text = '';
			socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
			socket.on('close', () => resolve(text));
		});
		expect(absolute).not.toMatch(/^HTTP\/1\.1 200/);
		expect(asked).toEqual([]);
	});

	it('names the crypto’s WebAssembly in the headers of the pages that start it, and only theirs', async () => {
		const signIn = await get('/en/sign-in');
		expect(signIn.headers['link']).toMatch(/<\/_app\/immutable\/assets\/matrix_sdk_crypto_wasm_bg\.[\w-]+\.wasm>; rel=preload; as=fetch/);
		const wasm = /<([^>]+\.wasm)>/.exec(String(signIn.headers['link']))?.[1];
		expect((await get(wasm ?? '')).status).toBe(200);
		expect(String((await get('/en')).headers['link'] ?? '')).not.toContain('.wasm');
	});
});
