import { describe, expect, it } from 'vitest';
import { RESOURCE_POLICY, SERVICE_WORKER_POLICY } from './csp.ts';
import { HSTS, PERMISSIONS_POLICY, securityHeaders, tlsFromProxy } from './headers.ts';

describe('securityHeaders', () => {
	it('sends the fixed set on every answer, and HSTS only over TLS', () => {
		const plain = securityHeaders({ tls: false });
		expect(plain).toMatchObject({
			'Referrer-Policy': 'no-referrer',
			'X-Content-Type-Options': 'nosniff',
			'X-Frame-Options': 'DENY',
			'Cross-Origin-Opener-Policy': 'same-origin',
			'Cross-Origin-Resource-Policy': 'same-origin',
		});
		expect(plain).not.toHaveProperty('Strict-Transport-Security');
		expect(securityHeaders({ tls: true })['Strict-Transport-Security']).toBe(HSTS);
		expect(HSTS).toBe('max-age=31536000');
	});

	it('gives the service worker a policy that fetches only the app itself, and every other file the resource policy', () => {
		expect(securityHeaders({ tls: false, path: '/service-worker.js' })['Content-Security-Policy']).toBe(SERVICE_WORKER_POLICY);
		expect(securityHeaders({ tls: false, path: '/service-worker.js?v=2' })['Content-Security-Policy']).toBe(SERVICE_WORKER_POLICY);
		expect(SERVICE_WORKER_POLICY).toBe(
			"default-src 'none'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
		);
		for (const path of [undefined, '/', '/favicon.svg', '/x/service-worker.js', '/service-worker.jsx', '//evil.example/service-worker.js'])
			expect(securityHeaders({ tls: false, path })['Content-Security-Policy'], String(path)).toBe(RESOURCE_POLICY);
	});

	it('denies every feature it names to everyone, but the camera (and its preview) to the app itself', () => {
		const entries = PERMISSIONS_POLICY.split(', ');
		expect(entries.length).toBeGreaterThan(10);
		for (const entry of entries) expect(entry).toMatch(/^[a-z-]+=\((self)?\)$/);
		expect(entries).toContain('camera=(self)');
		expect(entries).toContain('autoplay=(self)');
		expect(entries.filter((entry) => entry.endsWith('=(self)'))).toHaveLength(2);
		expect(entries).toContain('microphone=()');
		expect(entries).toContain('geolocation=()');
	});
});

describe('tlsFromProxy', () => {
	it('believes nothing without a configured protocol header', () => {
		expect(tlsFromProxy(undefined, 'https')).toBe(false);
		expect(tlsFromProxy('', 'https')).toBe(false);
	});

	it('reads the configured header: https only', () => {
		expect(tlsFromProxy('x-forwarded-proto', 'https')).toBe(true);
		expect(tlsFromProxy('x-forwarded-proto', ' HTTPS ')).toBe(true);
		expect(tlsFromProxy('x-forwarded-proto', 'http')).toBe(false);
		expect(tlsFromProxy('x-forwarded-proto', undefined)).toBe(false);
		expect(tlsFromProxy('x-forwarded-proto', ['https', 'http'])).toBe(true);
		expect(tlsFromProxy('x-forwarded-proto', 'https,http')).toBe(false);
	});
});
