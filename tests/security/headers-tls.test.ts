// Strict-Transport-Security only where the browser reached the app over TLS
// (docs/decisions.md, "Security headers on every answer"): the built web
// server, started as npm start starts it but told by adapter-node's
// PROTOCOL_HEADER that a TLS proxy stands in front, sends HSTS on a page,
// an immutable asset and an API route when the proxy's header says https,
// and not when it says http. A forged header matters only over plain HTTP,
// where browsers ignore HSTS (RFC 6797, 8.1). Needs the build (npm test
// builds before the integration tests).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoDeployment } from '../../deploy/roster/demo-deployment.ts';
import { startWebServer, type WebServer } from '../../scripts/web-server.ts';
import { HSTS } from '../../web/security/headers.ts';

let server: WebServer | undefined;
let scratch: string | undefined;

beforeAll(async () => {
	scratch = mkdtempSync(join(tmpdir(), 'rogatory-tls-headers-'));
	const federationFile = join(scratch, 'federation.json');
	writeFileSync(
		federationFile,
		JSON.stringify({ profile: 'tls', homeservers: [{ id: 'gt-mp', serverName: 'mp.gob.gt', clientUrl: 'https://matrix.mp.gob.gt' }] }),
	);
	const started = await startWebServer({
		root: process.cwd(),
		host: '127.0.0.1',
		port: 28082,
		federationFile,
		deployment: writeDemoDeployment(scratch),
		logTo: 'ignore',
		env: { PROTOCOL_HEADER: 'x-forwarded-proto' },
	});
	if (!started.ok) throw new Error(started.error);
	server = started.value;
});

afterAll(async () => {
	await server?.stop();
	if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
});

const get = (path: string, proto: string) => fetch(`${server?.url ?? ''}${path}`, { headers: { 'X-Forwarded-Proto': proto } });

describe('behind a TLS proxy', () => {
	it('sends HSTS on a page, an immutable asset and an API route reached over https', async () => {
		const page = await get('/en/sign-in', 'https');
		expect(page.status).toBe(200);
		expect(page.headers.get('strict-transport-security')).toBe(HSTS);
		// The page connects to the app only; the homeserver is reached through its proxy (web/proxy/).
		expect(page.headers.get('content-security-policy')).toMatch(/(^|; )connect-src 'self'(;|$)/);
		expect(page.headers.get('content-security-policy')).not.toContain('matrix.mp.gob.gt');
		const asset = /\/_app\/immutable\/[^"']+\.js/.exec(await page.text())?.[0];
		expect(asset).toBeDefined();
		const file = await get(asset ?? '', 'https');
		expect(file.status).toBe(200);
		expect(file.headers.get('strict-transport-security')).toBe(HSTS);
		const api = await get('/api/session', 'https');
		expect(api.status).toBe(200);
		expect(api.headers.get('strict-transport-security')).toBe(HSTS);
	});

	it('sends none when the proxy says the browser came over plain http', async () => {
		for (const path of ['/en/sign-in', '/api/session']) {
			const response = await get(path, 'http');
			expect(response.headers.get('strict-transport-security'), path).toBeNull();
			expect(response.headers.get('x-frame-options'), path).toBe('DENY');
		}
	});
});
