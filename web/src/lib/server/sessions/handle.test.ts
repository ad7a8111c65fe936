import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err, ok, type Result } from '#policies/result.ts';
import { demoRoster } from '#policies/roster/testing/demo.ts';
import { SESSION_COOKIE } from './cookie.ts';
import { sessionHandle } from './handle.ts';
import { SessionRechecker } from './recheck.ts';
import { MINUTE_MS, recheckSettings, SESSION_IDLE_MS } from './settings.ts';
import { SqliteSessionStore } from './store.ts';
import type { WhoAmI, WhoAmIProblem } from './whoami.ts';

const carlos = '@carlos.mendez:127.0.20.1:28448';
let folder: string;
let store: SqliteSessionStore;
let rechecker: SessionRechecker;
let now: number;
let answer: Result<WhoAmI, WhoAmIProblem>;

beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'rogatory-handle-'));
	now = Date.UTC(2026, 0, 1);
	const opened = SqliteSessionStore.open(join(folder, 'sessions.sqlite'), { now: () => now });
	if (!opened.ok) throw new Error(opened.error);
	store = opened.value;
	answer = ok({ userId: carlos, deviceId: 'D' });
	rechecker = new SessionRechecker({
		store,
		whoami: () => Promise.resolve(answer),
		clientUrl: () => Promise.resolve(ok('http://127.0.20.1:28008')),
		settings: recheckSettings(300, 900),
		now: () => now,
	});
});
afterEach(() => {
	store.close();
	rmSync(folder, { recursive: true, force: true });
});

/** Runs the handle for a request carrying `cookie`; returns the locals and the cookies it set or deleted. */
async function run(cookie: string | undefined, withRechecker = true) {
	const set: { name: string; value: string; opts: Record<string, unknown> }[] = [];
	const deleted: string[] = [];
	const cookies = {
		get: (name: string) => (name === SESSION_COOKIE ? cookie : undefined),
		set: (name: string, value: string, opts: Record<string, unknown>) => void set.push({ name, value, opts }),
		delete: (name: string) => void deleted.push(name),
	} as unknown as Cookies;
	const event = { cookies, locals: {}, url: new URL('http://127.0.0.1/en/register') } as unknown as RequestEvent;
	const handle = sessionHandle({ store: () => store, rechecker: () => (withRechecker ? rechecker : undefined), roster: () => demoRoster });
	await handle({ event, resolve: () => Promise.resolve(new Response('ok')) });
	return { locals: event.locals, set, deleted };
}

const create = (userId = carlos, homeserverId = 'gt-mp', secure = false) =>
	store.create({ userId, deviceId: 'D', homeserverId, secure, matrixToken: 'tok' });

describe('sessionHandle', () => {
	it('sets the user and roles of a valid session, without re-sending the cookie early in its life', async () => {
		const { token } = create();
		const { locals, set, deleted } = await run(token);
		expect(locals.user).toMatchObject({ userId: carlos, roles: ['central-authority-officer'] });
		expect(locals.session?.expiresAt).toBe(now + SESSION_IDLE_MS);
		expect(set).toEqual([]);
		expect(deleted).toEqual([]);
	});

	it('extends a session in the second half of its life and re-sends the cookie with the new expiry', async () => {
		const amina = '@amina.bello:127.0.20.2:28448';
		answer = ok({ userId: amina, deviceId: 'D' });
		const { token } = create(amina, 'ng-ca', true);
		now += SESSION_IDLE_MS / 2 + MINUTE_MS;
		const { locals, set } = await run(token);
		expect(locals.user?.roles).toEqual(['central-authority-officer']);
		expect(set).toEqual([
			{
				name: SESSION_COOKIE,
				value: token,
				opts: { httpOnly: true, sameSite: 'lax', path: '/', secure: true, expires: new Date(now + SESSION_IDLE_MS) },
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

	it('ends a session whose token the homeserver refuses once the interval has passed, clearing the cookie', async () => {
		const { token } = create();
		answer = err('rejected');
		expect((await run(token)).locals.user?.userId).toBe(carlos);
		now += 5 * MINUTE_MS;
		const { locals, deleted } = await run(token);
		expect(locals.user).toBeUndefined();
		expect(deleted).toEqual([SESSION_COOKIE]);
		expect(store.validate(token)).toEqual({ valid: false, reason: 'unknown' });
	});

	it('serves no user, and keeps the cookie, while the homeserver has not answered for longer than the grace', async () => {
		const { token } = create();
		answer = err('unreachable');
		now += 16 * MINUTE_MS;
		const { locals, deleted } = await run(token);
		expect(locals.user).toBeUndefined();
		expect(deleted).toEqual([]);
		answer = ok({ userId: carlos, deviceId: 'D' });
		now += MINUTE_MS;
		expect((await run(token)).locals.user?.userId).toBe(carlos);
	});

	it('confirms with the homeserver on demand (exports): confirmed, ended with the cookie cleared, or unconfirmed', async () => {
		const { token } = create();
		const first = await run(token);
		expect(await first.locals.session?.confirm()).toBe('confirmed');
		answer = err('unreachable');
		expect(await first.locals.session?.confirm()).toBe('unconfirmed');
		answer = err('rejected');
		const again = await run(token);
		expect(again.locals.user?.userId).toBe(carlos);
		expect(await again.locals.session?.confirm()).toBe('ended');
		expect(again.deleted).toEqual([SESSION_COOKIE]);
		expect(again.locals.user).toBeUndefined();
		expect(store.validate(token).valid).toBe(false);
	});

	it('serves no session when it cannot be re-checked', async () => {
		const { token } = create();
		expect((await run(token, false)).locals.user).toBeUndefined();
	});

	it('leaves a request without the cookie alone', async () => {
		const { locals, set, deleted } = await run(undefined);
		expect(locals).toEqual({ user: undefined, session: undefined });
		expect([...set, ...deleted]).toEqual([]);
	});
});
