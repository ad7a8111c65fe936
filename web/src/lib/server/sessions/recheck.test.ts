import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err, ok, type Result } from '#policies/result.ts';
import { SessionRechecker } from './recheck.ts';
import { MINUTE_MS, recheckSettings } from './settings.ts';
import { SqliteSessionStore } from './store.ts';
import type { WhoAmI, WhoAmIFunction, WhoAmIProblem } from './whoami.ts';

const carlos = '@carlos.mendez:127.0.20.1:28448';
const url = 'http://127.0.20.1:28008';
let folder: string;
let store: SqliteSessionStore;
let now: number;
/** What the fake homeserver answers for the token 'tok-carlos'; every question is recorded. */
let answer: Result<WhoAmI, WhoAmIProblem>;
let asked: { url: string; token: string }[];
let rechecker: SessionRechecker;

const whoami: WhoAmIFunction = (clientUrl, token) => {
	asked.push({ url: clientUrl, token });
	return Promise.resolve(answer);
};

beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'rogatory-recheck-'));
	now = Date.UTC(2026, 0, 1);
	const opened = SqliteSessionStore.open(join(folder, 'sessions.sqlite'), { now: () => now });
	if (!opened.ok) throw new Error(opened.error);
	store = opened.value;
	answer = ok({ userId: carlos, deviceId: 'DEV1' });
	asked = [];
	rechecker = new SessionRechecker({
		store,
		whoami,
		clientUrl: (id) => Promise.resolve(id === 'gt-mp' ? ok(url) : err('unknown' as const)),
		settings: recheckSettings(300, 900),
		now: () => now,
	});
});
afterEach(() => {
	store.close();
	rmSync(folder, { recursive: true, force: true });
});

function made(homeserverId = 'gt-mp') {
	const { token } = store.create({ userId: carlos, deviceId: 'DEV1', homeserverId, secure: false, matrixToken: 'tok-carlos' });
	return { token, current: () => store.validate(token) };
}

async function check(token: string, purpose: 'page' | 'export' = 'page') {
	const validation = store.validate(token);
	if (!validation.valid) return `invalid:${validation.reason}`;
	return rechecker.check(token, validation.session, purpose);
}

describe('SessionRechecker', () => {
	it('does not ask within the interval, then asks the user’s homeserver with the sealed token', async () => {
		const { token } = made();
		now += 5 * MINUTE_MS - 1;
		expect(await check(token)).toBe('valid');
		expect(asked).toEqual([]);
		now += 1;
		expect(await check(token)).toBe('valid');
		expect(asked).toEqual([{ url, token: 'tok-carlos' }]);
		// Confirmed: the interval starts again.
		now += MINUTE_MS;
		expect(await check(token)).toBe('valid');
		expect(asked).toHaveLength(1);
	});

	it('asks before every export', async () => {
		const { token } = made();
		expect(await check(token, 'export')).toBe('valid');
		expect(await check(token, 'export')).toBe('valid');
		expect(asked).toHaveLength(2);
	});

	it('ends the session at once when the token is refused, for an export even within the interval', async () => {
		const { token } = made();
		answer = err('rejected');
		expect(await check(token)).toBe('valid');
		expect(await check(token, 'export')).toBe('ended');
		expect(await check(token)).toBe('invalid:unknown');
	});

	it('ends the session when the homeserver names another device or user', async () => {
		for (const other of [
			{ userId: carlos, deviceId: 'DEV2' },
			{ userId: '@ana.lopez:127.0.20.1:28448', deviceId: 'DEV1' },
		]) {
			const { token } = made();
			answer = ok(other);
			now += 5 * MINUTE_MS;
			expect(await check(token)).toBe('ended');
			expect(await check(token)).toBe('invalid:unknown');
		}
	});

	it('ends a session whose homeserver the deployment no longer has, without sending its token anywhere', async () => {
		const { token } = made('gone');
		now += 5 * MINUTE_MS;
		expect(await check(token)).toBe('ended');
		expect(asked).toEqual([]);
	});

	it('while unreachable: pages within the grace, retries spaced, then suspended; exports refused; confirmed again when it answers', async () => {
		const { token } = made();
		answer = err('unreachable');
		now += 6 * MINUTE_MS;
		expect(await check(token)).toBe('valid');
		expect(asked).toHaveLength(1);
		// Within the retry delay the homeserver is not asked again.
		now += 10_000;
		expect(await check(token)).toBe('valid');
		expect(asked).toHaveLength(1);
		expect(await check(token, 'export')).toBe('unconfirmed');
		expect(asked).toHaveLength(2);
		// Past the grace (15 minutes after the last confirmation): nothing is served.
		now += 10 * MINUTE_MS;
		expect(await check(token)).toBe('suspended');
		now += 10_000;
		expect(await check(token)).toBe('suspended');
		expect(asked).toHaveLength(3);
		// Still a session: it comes back when the homeserver answers.
		answer = ok({ userId: carlos, deviceId: 'DEV1' });
		now += 30_000;
		expect(await check(token)).toBe('valid');
		now += 10_000;
		expect(await check(token)).toBe('valid');
		expect(asked).toHaveLength(4);
	});

	it('asks once for concurrent requests of one session', async () => {
		const { token } = made();
		let release: (() => void) | undefined;
		const slow: WhoAmIFunction = (clientUrl, t) => {
			asked.push({ url: clientUrl, token: t });
			return new Promise((resolve) => (release = () => resolve(ok({ userId: carlos, deviceId: 'DEV1' }))));
		};
		rechecker = new SessionRechecker({
			store,
			whoami: slow,
			clientUrl: () => Promise.resolve(ok(url)),
			settings: recheckSettings(300, 900),
			now: () => now,
		});
		now += 5 * MINUTE_MS;
		const all = Promise.all([check(token), check(token), check(token)]);
		await new Promise((r) => setTimeout(r, 0));
		release?.();
		expect(await all).toEqual(['valid', 'valid', 'valid']);
		expect(asked).toHaveLength(1);
	});
});
