import { describe, expect, it } from 'vitest';
import type { Credentials } from '../matrix/login.ts';
import type { UserId } from '#policies/cases/index.ts';
import { serverSessionApi } from './server-session.ts';

const credentials: Credentials = {
	homeserverUrl: 'http://127.0.20.1:28008',
	userId: '@carlos.mendez:127.0.20.1:28448' as UserId,
	deviceId: 'DEV',
	accessToken: 'syt_token',
};

/** A fake /api/session whose current user is `current`, answering POST with `postStatus`. */
function server(current: string | null, postStatus = 204) {
	const calls: { method: string; body: unknown }[] = [];
	const fetchImpl = ((url: string, init: RequestInit = {}) => {
		const method = init.method ?? 'GET';
		calls.push({ method, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined });
		if (url === '/api/session/everywhere') return Promise.resolve(Response.json({ ended: 2 }));
		expect(url).toBe('/api/session');
		if (method === 'GET') return Promise.resolve(Response.json({ userId: current }));
		return Promise.resolve(new Response(null, { status: method === 'POST' ? postStatus : 204 }));
	}) as typeof fetch;
	return { fetchImpl, calls };
}

describe('serverSessionApi', () => {
	it('asks for a session with the user ID and access token when the cookie names none', async () => {
		const { fetchImpl, calls } = server(null);
		expect(await serverSessionApi(fetchImpl).ensure(credentials)).toBe(true);
		expect(calls).toEqual([
			{ method: 'GET', body: undefined },
			{ method: 'POST', body: { userId: credentials.userId, accessToken: credentials.accessToken } },
		]);
	});

	it('keeps the session the cookie already names for the same user', async () => {
		const { fetchImpl, calls } = server(credentials.userId);
		expect(await serverSessionApi(fetchImpl).ensure(credentials)).toBe(true);
		expect(calls.map((c) => c.method)).toEqual(['GET']);
	});

	it('replaces a session of someone else', async () => {
		const { fetchImpl, calls } = server('@ana.lopez:127.0.20.1:28448');
		expect(await serverSessionApi(fetchImpl).ensure(credentials)).toBe(true);
		expect(calls.map((c) => c.method)).toEqual(['GET', 'POST']);
	});

	it('says false when the server refuses', async () => {
		expect(await serverSessionApi(server(null, 401).fetchImpl).ensure(credentials)).toBe(false);
		const failing = (() => Promise.reject(new TypeError('offline'))) as typeof fetch;
		expect(await serverSessionApi(failing).ensure(credentials)).toBe(false);
	});

	it('ends every session of the user with a JSON POST to /api/session/everywhere', async () => {
		const { fetchImpl, calls } = server(credentials.userId);
		expect(await serverSessionApi(fetchImpl).endEverywhere()).toBe(true);
		expect(calls).toEqual([{ method: 'POST', body: {} }]);
		const failing = (() => Promise.reject(new TypeError('offline'))) as typeof fetch;
		expect(await serverSessionApi(failing).endEverywhere()).toBe(false);
	});

	it('ends the session with DELETE', async () => {
		const { fetchImpl, calls } = server(credentials.userId);
		await serverSessionApi(fetchImpl).end();
		expect(calls.map((c) => c.method)).toEqual(['DELETE']);
	});
});
