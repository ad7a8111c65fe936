import { describe, expect, it } from 'vitest';
import { err, ok } from '#policies/result.ts';
import type { Credentials } from './login.ts';
import type { UserId } from '#policies/cases/index.ts';
import { logOutEverywhere } from './sign-out.ts';

const credentials: Credentials = {
	homeserverUrl: 'http://127.0.20.1:28008',
	userId: '@carlos.mendez:127.0.20.1:28448' as UserId,
	deviceId: 'DEV',
	accessToken: 'syt_token',
};

function answering(status: number) {
	const seen: { url: string; method: string | undefined; auth: string | null; credentials: RequestCredentials | undefined }[] = [];
	const fetchImpl = ((url: string, init: RequestInit = {}) => {
		seen.push({ url, method: init.method, auth: new Headers(init.headers).get('Authorization'), credentials: init.credentials });
		return Promise.resolve(new Response('{}', { status }));
	}) as typeof fetch;
	return { fetchImpl, seen };
}

describe('logOutEverywhere', () => {
	it('posts /logout/all to the user’s homeserver with the token, sending no cookie', async () => {
		const { fetchImpl, seen } = answering(200);
		expect(await logOutEverywhere(credentials, fetchImpl)).toEqual(ok(undefined));
		expect(seen).toEqual([
			{ url: 'http://127.0.20.1:28008/_matrix/client/v3/logout/all', method: 'POST', auth: 'Bearer syt_token', credentials: 'omit' },
		]);
	});

	it('fails when the token is already gone (it cannot end the other devices), refused, limited or unreachable', async () => {
		expect(await logOutEverywhere(credentials, answering(401).fetchImpl)).toEqual(err({ kind: 'signed-out-elsewhere' }));
		expect(await logOutEverywhere(credentials, answering(429).fetchImpl)).toEqual(err({ kind: 'rate-limited' }));
		expect(await logOutEverywhere(credentials, answering(500).fetchImpl)).toMatchObject({
			ok: false,
			error: { kind: 'refused', status: 500 },
		});
		const failing = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
		expect(await logOutEverywhere(credentials, failing)).toEqual(err({ kind: 'unreachable' }));
	});
});
