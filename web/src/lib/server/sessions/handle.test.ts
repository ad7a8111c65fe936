import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoRoster } from '../../../../../policies/roster/demo.ts';
import { SESSION_COOKIE } from './cookie.ts';
import { sessionHandle } from './handle.ts';
import { DAY_MS, SqliteSessionStore } from './store.ts';

let folder: string;
let store: SqliteSessionStore;
let now: number;

beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'rogatory-handle-'));
	now = Date.UTC(2026, 0, 1);
	const opened = SqliteSessionStore.open(join(folder, 'sessions.sqlite'), { now: () => now });
	if (!opened.ok) throw new Error(opened.error);
	store = opened.value;
});
afterEach(() => {
	store.close();
	rmSync(folder, { recursive: true, force: true });
});

/** Runs the handle for a request carrying `cookie`; returns the locals and the cookies it set or deleted. */
async function run(cookie: string | undefined) {
	const set: { name: string; value: string; opts: Record<string, unknown> }[] = [];
	const deleted: string[] = [];
	const cookies = {
		get: (name: string) => (name === SESSION_COOKIE ? cookie : undefined),
		set: (name: string, value: string, opts: Record<string, unknown>) => void set.push({ name, value, opts }),
		delete: (name: string) => void deleted.push(name),
	} as unknown as Cookies;
	const event = { cookies, locals: {}, url: new URL('http://127.0.0.1/en/register') } as unknown as RequestEvent;
	const handle = sessionHandle({ store: () => store, roster: demoRoster });
	await handle({ event, resolve: () => Promise.resolve(new Response('ok')) });
	return { locals: event.locals, set, deleted };
}

describe('sessionHandle', () => {
	it('sets the user and roles of a valid session, without re-sending the cookie early in its life', async () => {
		const { token } = store.create({ userId: '@carlos.mendez:127.0.20.1:28448', deviceId: 'D', homeserverId: 'gt-mp', secure: false });
		const { locals, set, deleted } = await run(token);
		expect(locals.user).toMatchObject({ userId: '@carlos.mendez:127.0.20.1:28448', roles: ['central-authority-officer'] });
		expect(locals.session?.expiresAt).toBe(now + 30 * DAY_MS);
		expect(set).toEqual([]);
		expect(deleted).toEqual([]);
	});

	it('extends a session in the second half of its life and re-sends the cookie with the new expiry', async () => {
		const { token } = store.create({ userId: '@amina.bello:127.0.20.2:28448', deviceId: 'D', homeserverId: 'ng-ca', secure: true });
		now += 20 * DAY_MS;
		const { locals, set } = await run(token);
		expect(locals.user?.roles).toEqual(['central-authority-officer']);
		expect(set).toEqual([
			{
				name: SESSION_COOKIE,
				value: token,
				opts: { httpOnly: true, sameSite: 'lax', path: '/', secure: true, expires: new Date(now + 30 * DAY_MS) },
			},
		]);
	});

	it('clears a cookie that names no valid session, and sets no user', async () => {
		for (const cookie of ['junk', 'a'.repeat(32)]) {
			const { locals, deleted } = await run(cookie);
			expect(locals.user).toBeUndefined();
			expect(locals.session).toBeUndefined();
			expect(deleted).toEqual([SESSION_COOKIE]);
		}
	});

	it('leaves a request without the cookie alone', async () => {
		const { locals, set, deleted } = await run(undefined);
		expect(locals).toEqual({ user: undefined, session: undefined });
		expect([...set, ...deleted]).toEqual([]);
	});
});
