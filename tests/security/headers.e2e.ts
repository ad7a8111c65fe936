// Acceptance 3 (issue 9), the headers: a page, a static asset of the build
// (an /_app/immutable/ file, served before SvelteKit's hooks run) and an
// API route (/api/session) each carry the security headers, as the web
// server used by npm start and the tests answers them. The test server is
// plain HTTP behind no proxy, so none carries Strict-Transport-Security
// (headers-tls.test.ts shows it when a proxy reports TLS).
import { expect, test, type APIResponse } from '@playwright/test';
import { federation, webUrl } from '../e2e/support/env.ts';

const COMMON: Readonly<Record<string, string | RegExp>> = {
	'referrer-policy': 'no-referrer',
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-resource-policy': 'same-origin',
	// Every feature denied, but the camera (and its preview, autoplay) to the app itself: QR verification (issue 12).
	'permissions-policy': /^(?:[a-z-]+=\((?:self)?\)(?:, |$))+$/,
};

function expectCommonHeaders(response: APIResponse, what: string): void {
	const headers = response.headers();
	for (const [name, value] of Object.entries(COMMON)) {
		if (typeof value === 'string') expect(headers[name], `${what}: ${name}`).toBe(value);
		else expect(headers[name], `${what}: ${name}`).toMatch(value);
	}
	const allowed = (headers['permissions-policy'] ?? '').split(', ').filter((entry) => entry.endsWith('=(self)'));
	expect(allowed.sort(), `${what}: only the camera and autoplay, to the app itself`).toEqual(['autoplay=(self)', 'camera=(self)']);
	expect(headers['permissions-policy'], `${what}: microphone`).toContain('microphone=()');
	expect(headers['strict-transport-security'], `${what}: no HSTS over plain HTTP`).toBeUndefined();
}

test('a page, an immutable asset and an API route each carry the security headers', async ({ request }) => {
	const page = await request.get(`${webUrl()}/en/sign-in`);
	expect(page.status()).toBe(200);
	expectCommonHeaders(page, 'page');
	const policy = page.headers()['content-security-policy'] ?? '';
	expect(policy).toMatch(/(^|; )default-src 'none'(;|$)/);
	expect(policy).toMatch(/(^|; )script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
	expect(policy).toMatch(/(^|; )object-src 'none'(;|$)/);
	expect(policy).toMatch(/(^|; )base-uri 'self'(;|$)/);
	expect(policy).toMatch(/(^|; )form-action 'self'(;|$)/);
	expect(policy).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
	expect(policy).toMatch(/(^|; )require-trusted-types-for 'script'(;|$)/);
	// The page connects to the app only: the homeservers are reached through its proxy (web/proxy/).
	expect(policy).toMatch(/(^|; )connect-src 'self'(;|$)/);
	for (const hs of federation().homeservers) expect(policy).not.toContain(new URL(hs.clientUrl).origin);

	const asset = /\/_app\/immutable\/[^"']+\.js/.exec(await page.text())?.[0];
	expect(asset, 'the page names an immutable script').toBeDefined();
	const file = await request.get(`${webUrl()}${asset}`);
	expect(file.status()).toBe(200);
	expect(file.headers()['cache-control']).toContain('immutable');
	expectCommonHeaders(file, 'asset');
	expect(file.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");

	const api = await request.get(`${webUrl()}/api/session`);
	expect(api.status()).toBe(200);
	expectCommonHeaders(api, 'API');
	expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");

	// A page revalidated by its ETag: the 304 carries no policy, so the browser's cached copy keeps its own
	// (a policy on a 304 replaces the cached one).
	const etag = page.headers()['etag'];
	expect(etag).toBeDefined();
	const revalidated = await request.get(`${webUrl()}/en/sign-in`, { headers: { 'If-None-Match': etag ?? '' } });
	expect(revalidated.status()).toBe(304);
	expect(revalidated.headers()['content-security-policy']).toBeUndefined();
	expect(revalidated.headers()['x-frame-options']).toBe('DENY');
	const assetEtag = file.headers()['etag'];
	const assetRevalidated = await request.get(`${webUrl()}${asset}`, { headers: { 'If-None-Match': assetEtag ?? '' } });
	expect(assetRevalidated.status()).toBe(304);
	expect(assetRevalidated.headers()['content-security-policy']).toBeUndefined();

	// Also what no route answers, and a refused API call.
	const missing = await request.get(`${webUrl()}/_app/immutable/no-such-file.js`);
	expect(missing.status()).toBe(404);
	expectCommonHeaders(missing, '404');
	const refused = await request.post(`${webUrl()}/api/session`, {
		data: '{',
		headers: { 'Content-Type': 'application/json', Origin: webUrl() },
	});
	expect(refused.status()).toBe(400);
	expectCommonHeaders(refused, 'refused API call');
});

test('the health route says the web app is ok, names nothing, is never cached, and carries the headers', async ({ request }) => {
	const health = await request.get(`${webUrl()}/api/health`);
	expect(health.status()).toBe(200);
	expect(await health.json()).toEqual({ status: 'ok', sessions: 'ok' });
	expect(health.headers()['cache-control']).toBe('no-store');
	expectCommonHeaders(health, 'health');
	expect((await request.post(`${webUrl()}/api/health`, { data: {} })).status()).toBe(405);
});
