import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '#policies/result.ts';
import { openSession, parseClaim } from './open-session.ts';
import { SqliteSessionStore, type SessionStore } from './store.ts';
import { verifyClaim } from './verify.ts';
import type { WhoAmIFunction } from './whoami.ts';

const homeservers = [
	{ id: 'gt-mp', serverName: '127.0.20.1:28448', clientUrl: 'http://127.0.20.1:28008' },
	{ id: 'ng-ca', serverName: '127.0.20.2:28448', clientUrl: 'http://127.0.20.2:28008' },
];
const carlos = '@carlos.mendez:127.0.20.1:28448';

/** A whoami that knows one token per homeserver address, and records whom it was asked. */
function whoamiKnowing(tokens: Record<string, { url: string; userId: string }>) {
	const asked: string[] = [];
	const whoami: WhoAmIFunction = (clientUrl, token) => {
		asked.push(clientUrl);
		const known = tokens[token];
		return Promise.resolve(
			known !== undefined && known.url === clientUrl ? ok({ userId: known.userId, deviceId: 'DEV' }) : err('rejected'),
		);
	};
	return { whoami, asked };
}

describe('verifyClaim', () => {
	it('accepts a token the user’s own homeserver confirms, asking only that homeserver', async () => {
		const { whoami, asked } = whoamiKnowing({ t1: { url: 'http://127.0.20.1:28008', userId: carlos } });
		const verified = await verifyClaim({ userId: carlos, accessToken: 't1' }, homeservers, whoami);
		expect(verified).toEqual(ok({ userId: carlos, deviceId: 'DEV', homeserverId: 'gt-mp' }));
		expect(asked).toEqual(['http://127.0.20.1:28008']);
	});

	it('refuses a token the homeserver rejects', async () => {
		const { whoami } = whoamiKnowing({});
		expect(await verifyClaim({ userId: carlos, accessToken: 'nope' }, homeservers, whoami)).toEqual(err('rejected'));
	});

	it('refuses a token that belongs to someone else', async () => {
		const { whoami } = whoamiKnowing({ t2: { url: 'http://127.0.20.1:28008', userId: '@ana.lopez:127.0.20.1:28448' } });
		expect(await verifyClaim({ userId: carlos, accessToken: 't2' }, homeservers, whoami)).toEqual(err('rejected'));
	});

	it('refuses a user of a server this deployment does not run, without sending the token anywhere', async () => {
		const { whoami, asked } = whoamiKnowing({});
		expect(await verifyClaim({ userId: '@eve:evil.example', accessToken: 't' }, homeservers, whoami)).toEqual(err('foreign-server'));
		expect(asked).toEqual([]);
	});

	it('refuses malformed claims', async () => {
		const { whoami, asked } = whoamiKnowing({});
		expect(await verifyClaim({ userId: 'carlos', accessToken: 't' }, homeservers, whoami)).toEqual(err('malformed'));
		expect(await verifyClaim({ userId: carlos, accessToken: '' }, homeservers, whoami)).toEqual(err('malformed'));
		expect(asked).toEqual([]);
		expect(parseClaim({ accessToken: 't' })).toEqual(err('malformed'));
		expect(parseClaim('x')).toEqual(err('malformed'));
		expect(parseClaim({ userId: carlos, accessToken: 't', homeserverUrl: 'http://evil' })).toEqual(
			ok({ userId: carlos, accessToken: 't' }),
		);
	});
});

describe('openSession', () => {
	let folder: string;
	let store: SessionStore;
	beforeEach(() => {
		folder = mkdtempSync(join(tmpdir(), 'rogatory-open-session-'));
		const opened = SqliteSessionStore.open(join(folder, 'sessions.sqlite'));
		if (!opened.ok) throw new Error(opened.error);
		store = opened.value;
	});
	afterEach(() => {
		store.close();
		rmSync(folder, { recursive: true, force: true });
	});

	it('creates a session only after the homeserver confirms the token', async () => {
		const { whoami } = whoamiKnowing({ good: { url: 'http://127.0.20.1:28008', userId: carlos } });
		const deps = { homeservers, whoami, store, secure: true };
		expect(await openSession({ userId: carlos, accessToken: 'bad' }, deps)).toEqual(err('rejected'));
		const opened = await openSession({ userId: carlos, accessToken: 'good' }, deps);
		if (!opened.ok) throw new Error(opened.error);
		expect(store.validate(opened.value.token)).toMatchObject({
			valid: true,
			session: { userId: carlos, homeserverId: 'gt-mp', deviceId: 'DEV', secure: true },
		});
		// The token it was made with is kept for re-validation, opened only with the session token.
		expect(store.matrixToken(opened.value.token)).toEqual(ok('good'));
	});

	it('makes none for a device whose sessions an administrator ended', async () => {
		const { whoami } = whoamiKnowing({ good: { url: 'http://127.0.20.1:28008', userId: carlos } });
		const deps = { homeservers, whoami, store, secure: false };
		const first = await openSession({ userId: carlos, accessToken: 'good' }, deps);
		expect(first.ok).toBe(true);
		store.endPerson(carlos, '@admin.gt:127.0.20.1:28448');
		expect(await openSession({ userId: carlos, accessToken: 'good' }, deps)).toEqual(err('device-ended'));
	});
});
