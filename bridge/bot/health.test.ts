import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { healthReport, serveHealth, STALLED_AFTER_MS, type HealthReport } from './health.ts';

const HEAD = { seq: 42, hash: 'a'.repeat(64) };
const NOW = Date.parse('2026-12-04T12:00:00Z');

describe('the bridge’s health report', () => {
	it('is ok while the last commit is recent, with the lag, the queue and the register head', () => {
		expect(healthReport({ now: NOW, lastSyncAt: NOW - 12_400, queued: 3, head: HEAD })).toEqual({
			status: 'ok',
			last_sync: '2026-12-04T11:59:47.600Z',
			lag_seconds: 12,
			queued: 3,
			register_head: HEAD,
		});
	});

	it('says starting before the first sync, stalled after a long silence, and when the register cannot be read', () => {
		expect(healthReport({ now: NOW, lastSyncAt: undefined, queued: 0, head: HEAD }).status).toBe('starting');
		expect(healthReport({ now: NOW, lastSyncAt: NOW - STALLED_AFTER_MS - 1_000, queued: 0, head: HEAD }).status).toBe('stalled');
		expect(healthReport({ now: NOW, lastSyncAt: NOW, queued: 0, head: undefined })).toMatchObject({
			status: 'register-unreadable',
			register_head: null,
		});
	});
});

describe('the bridge’s /health listener', () => {
	let close: (() => void) | undefined;
	afterEach(() => close?.());

	async function listening(report: () => HealthReport): Promise<string> {
		const server = await serveHealth(0, report);
		close = () => server.close();
		const { address, port } = server.address() as AddressInfo;
		expect(address).toBe('127.0.0.1');
		return `http://127.0.0.1:${port}`;
	}

	it('answers GET /health with the report, 200 when ok and 503 otherwise, and nothing else', async () => {
		let report = healthReport({ now: NOW, lastSyncAt: NOW, queued: 0, head: HEAD });
		const base = await listening(() => report);
		const ok = await fetch(`${base}/health`);
		expect(ok.status).toBe(200);
		expect(ok.headers.get('cache-control')).toBe('no-store');
		expect(await ok.json()).toEqual(report);
		report = healthReport({ now: NOW, lastSyncAt: undefined, queued: 0, head: HEAD });
		const starting = await fetch(`${base}/health?x=1`);
		expect(starting.status).toBe(503);
		expect(((await starting.json()) as HealthReport).status).toBe('starting');
		expect((await fetch(`${base}/`)).status).toBe(404);
		expect((await fetch(`${base}/health/../register`)).status).toBe(404);
		expect((await fetch(`${base}/health`, { method: 'POST', body: 'x' })).status).toBe(405);
	});

	it('refuses a port already taken', async () => {
		const base = await listening(() => healthReport({ now: NOW, lastSyncAt: NOW, queued: 0, head: HEAD }));
		await expect(
			serveHealth(Number(new URL(base).port), () => healthReport({ now: NOW, lastSyncAt: NOW, queued: 0, head: HEAD })),
		).rejects.toThrow(/EADDRINUSE/);
	});
});
