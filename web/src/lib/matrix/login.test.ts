import { describe, expect, it } from 'vitest';
import { credentialsFrom, loginProblemFrom, loginWithPassword } from './login.ts';
import type { UserId } from '#policies/cases/index.ts';

const ana = '@ana.lopez:127.0.20.1:28448' as UserId;

describe('loginProblemFrom', () => {
	it('maps the homeserver refusals', () => {
		expect(loginProblemFrom(403, { errcode: 'M_FORBIDDEN', error: 'Invalid username or password' })).toEqual({
			kind: 'credentials-rejected',
		});
		expect(loginProblemFrom(403, { errcode: 'M_USER_DEACTIVATED' })).toEqual({ kind: 'deactivated' });
		expect(loginProblemFrom(429, { errcode: 'M_LIMIT_EXCEEDED', retry_after_ms: 2500 })).toEqual({
			kind: 'rate-limited',
			retryAfterSeconds: 3,
		});
		expect(loginProblemFrom(429, { errcode: 'M_LIMIT_EXCEEDED' }, '7')).toEqual({ kind: 'rate-limited', retryAfterSeconds: 7 });
		expect(loginProblemFrom(400, { errcode: 'M_UNKNOWN', error: 'Unknown login type' })).toEqual({ kind: 'password-unsupported' });
		expect(loginProblemFrom(500, { errcode: 'M_UNKNOWN' })).toEqual({ kind: 'server-error', status: 500, errcode: 'M_UNKNOWN' });
	});

	it('tells a web server that is not a homeserver', () => {
		expect(loginProblemFrom(404, undefined)).toEqual({ kind: 'not-a-homeserver' });
		expect(loginProblemFrom(200, 'hello')).toEqual({ kind: 'not-a-homeserver' });
		expect(loginProblemFrom(502, undefined)).toEqual({ kind: 'not-a-homeserver' });
	});
});

describe('credentialsFrom', () => {
	it('keeps the homeserver spelling of the user ID', () => {
		const body = { user_id: '@ana.lopez:127.0.20.1:28448', device_id: 'ABC', access_token: 'syt_x' };
		expect(credentialsFrom('http://127.0.20.1:28008/', '@Ana.Lopez:127.0.20.1:28448' as UserId, body)).toEqual({
			ok: true,
			value: { homeserverUrl: 'http://127.0.20.1:28008', userId: '@ana.lopez:127.0.20.1:28448', deviceId: 'ABC', accessToken: 'syt_x' },
		});
	});

	it('refuses another account and bodies without the fields', () => {
		const other = { user_id: '@ana.lopez:127.0.20.2:28448', device_id: 'ABC', access_token: 'syt_x' };
		expect(credentialsFrom('http://x', ana, other)).toEqual({
			ok: false,
			error: { kind: 'other-user', userId: '@ana.lopez:127.0.20.2:28448' },
		});
		expect(credentialsFrom('http://x', ana, { user_id: ana })).toEqual({ ok: false, error: { kind: 'not-a-homeserver' } });
	});
});

describe('loginWithPassword', () => {
	const login = { homeserverUrl: 'http://127.0.20.1:28008', userId: ana, password: 'pw', deviceName: 'Rogatory (web)' };

	it('posts an m.login.password with the full user ID', async () => {
		let sent: unknown;
		const fetchImpl = ((url: string, init: RequestInit) => {
			expect(url).toBe('http://127.0.20.1:28008/_matrix/client/v3/login');
			sent = JSON.parse(init.body as string);
			return Promise.resolve(Response.json({ user_id: ana, device_id: 'D', access_token: 't' }));
		}) as unknown as typeof fetch;
		const result = await loginWithPassword(login, fetchImpl);
		expect(result.ok).toBe(true);
		expect(sent).toEqual({
			type: 'm.login.password',
			identifier: { type: 'm.id.user', user: ana },
			password: 'pw',
			initial_device_display_name: 'Rogatory (web)',
		});
	});

	it('calls a network failure unreachable', async () => {
		const fetchImpl = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
		expect(await loginWithPassword(login, fetchImpl)).toEqual({ ok: false, error: { kind: 'unreachable' } });
	});
});
