import { describe, expect, it } from 'vitest';
import { err, ok } from '#policies/result.ts';
import { endSessionsOf } from './admin-sessions.ts';

const answering = (status: number, body: unknown) => {
	const seen: { url: string; init: RequestInit | undefined }[] = [];
	const fetchImpl = ((url: string, init?: RequestInit) => {
		seen.push({ url, init });
		return Promise.resolve(Response.json(body, { status }));
	}) as typeof fetch;
	return { fetchImpl, seen };
};

describe('endSessionsOf', () => {
	it('posts the person as JSON and reads how many sessions ended', async () => {
		const { fetchImpl, seen } = answering(200, { name: 'Carlos Méndez', ended: 2 });
		expect(await endSessionsOf('carlos.mendez', fetchImpl)).toEqual(ok({ name: 'Carlos Méndez', ended: 2 }));
		expect(seen[0]?.url).toBe('/api/admin/sessions');
		expect(seen[0]?.init).toMatchObject({
			method: 'POST',
			body: '{"person":"carlos.mendez"}',
			headers: { 'Content-Type': 'application/json' },
		});
	});

	it('tells a refusal, an unconfirmed sign-in and a server that does not answer apart', async () => {
		expect(await endSessionsOf('x', answering(403, { problem: 'not-of-authority' }).fetchImpl)).toEqual(err('not-of-authority'));
		expect(await endSessionsOf('x', answering(503, { problem: 'unconfirmed' }).fetchImpl)).toEqual(err('unconfirmed'));
		expect(await endSessionsOf('x', answering(401, { problem: 'no-session' }).fetchImpl)).toEqual(err('unconfirmed'));
		expect(await endSessionsOf('x', answering(502, { message: 'bad gateway' }).fetchImpl)).toEqual(err('unreachable'));
		const failing = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
		expect(await endSessionsOf('x', failing)).toEqual(err('unreachable'));
	});
});
