import { describe, expect, it } from 'vitest';
import { err, ok } from '#policies/result.ts';
import { matrixWhoAmI } from './whoami.ts';

const answering = (status: number, body: unknown) => {
	const seen: { url: string; auth: string | null }[] = [];
	const fetchImpl = ((url: string, init?: RequestInit) => {
		seen.push({ url, auth: new Headers(init?.headers).get('Authorization') });
		return Promise.resolve(new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }));
	}) as typeof fetch;
	return { fetchImpl, seen };
};

describe('matrixWhoAmI', () => {
	it('asks the homeserver with the token as a bearer, and reads the user and device', async () => {
		const { fetchImpl, seen } = answering(200, { user_id: '@a:hs', device_id: 'D1' });
		expect(await matrixWhoAmI('http://127.0.20.1:28008/', 'tok', fetchImpl)).toEqual(ok({ userId: '@a:hs', deviceId: 'D1' }));
		expect(seen).toEqual([{ url: 'http://127.0.20.1:28008/_matrix/client/v3/account/whoami', auth: 'Bearer tok' }]);
	});

	it('says rejected for 401 and 403', async () => {
		expect(await matrixWhoAmI('http://x', 't', answering(401, { errcode: 'M_UNKNOWN_TOKEN' }).fetchImpl)).toEqual(err('rejected'));
		expect(await matrixWhoAmI('http://x', 't', answering(403, { errcode: 'M_FORBIDDEN' }).fetchImpl)).toEqual(err('rejected'));
	});

	it('says unreachable for errors, non-JSON and answers without a user', async () => {
		expect(await matrixWhoAmI('http://x', 't', answering(502, 'bad gateway').fetchImpl)).toEqual(err('unreachable'));
		expect(await matrixWhoAmI('http://x', 't', answering(200, '<html>').fetchImpl)).toEqual(err('unreachable'));
		expect(await matrixWhoAmI('http://x', 't', answering(200, { device_id: 'D' }).fetchImpl)).toEqual(err('unreachable'));
		const failing = (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch;
		expect(await matrixWhoAmI('http://x', 't', failing)).toEqual(err('unreachable'));
	});
});
