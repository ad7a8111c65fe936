import { describe, expect, it } from 'vitest';
import { BACKUP_VERSION_KEEP_MS, cachingBackupVersion } from './backup-version-cache.ts';

const BASE = 'http://127.0.0.1:8080/matrix/hs/_matrix/client/v3/room_keys';
const auth = { headers: { Authorization: 'Bearer t' } };

function counting() {
	const sent: string[] = [];
	const fetchImpl: typeof fetch = (input, init) => {
		sent.push(`${init?.method ?? 'GET'} ${input instanceof Request ? input.url : input.toString()}`);
		return Promise.resolve(new Response(JSON.stringify({ version: String(sent.length) }), { status: 200 }));
	};
	return { sent, fetchImpl };
}

describe('cachingBackupVersion', () => {
	it('asks for the backup version once for a few seconds, and gives each asker the whole answer', async () => {
		const line = counting();
		let clock = 0;
		const cached = cachingBackupVersion(line.fetchImpl, () => clock);
		expect(await (await cached(`${BASE}/version`, auth)).json()).toEqual({ version: '1' });
		clock += 1000;
		expect(await (await cached(`${BASE}/version`, auth)).json()).toEqual({ version: '1' });
		expect(line.sent).toHaveLength(1);
		clock += BACKUP_VERSION_KEEP_MS + 1;
		expect(await (await cached(`${BASE}/version`, auth)).json()).toEqual({ version: '2' });
	});

	it('forgets it at any write to the backup, and keeps nothing else', async () => {
		const line = counting();
		const cached = cachingBackupVersion(line.fetchImpl, () => 0);
		await cached(`${BASE}/version`, auth);
		await cached(`${BASE}/version`, { ...auth, method: 'POST', body: '{}' });
		expect(await (await cached(`${BASE}/version`, auth)).json()).toEqual({ version: '3' });
		await cached(`${BASE}/keys?version=3`, auth);
		await cached(`${BASE}/keys?version=3`, auth);
		await cached(`${BASE}/version/2`, auth);
		await cached('http://127.0.0.1:8080/matrix/hs/_matrix/client/v3/sync', auth);
		expect(line.sent).toHaveLength(7);
		// Another token is another account's answer.
		await cached(`${BASE}/version`, { headers: { Authorization: 'Bearer other' } });
		expect(line.sent).toHaveLength(8);
	});

	it("answers the current version's own address from the kept answer, only for that version and while it is kept", async () => {
		const line = counting();
		let clock = 0;
		const cached = cachingBackupVersion(line.fetchImpl, () => clock);
		await cached(`${BASE}/version`, auth);
		expect(await (await cached(`${BASE}/version/1`, auth)).json()).toEqual({ version: '1' });
		expect(line.sent).toEqual([`GET ${BASE}/version`]);
		await cached(`${BASE}/version/7`, auth);
		await cached(`${BASE}/version/1`, { headers: { Authorization: 'Bearer other' } });
		clock += BACKUP_VERSION_KEEP_MS + 1;
		await cached(`${BASE}/version/1`, auth);
		expect(line.sent).toEqual([`GET ${BASE}/version`, `GET ${BASE}/version/7`, `GET ${BASE}/version/1`, `GET ${BASE}/version/1`]);
	});

	it('asks for a version itself when the kept answer is not a backup (none, or an error)', async () => {
		const sent: string[] = [];
		const cached = cachingBackupVersion(
			(input) => {
				sent.push(input instanceof Request ? input.url : input.toString());
				return Promise.resolve(new Response(JSON.stringify({ errcode: 'M_NOT_FOUND' }), { status: 404 }));
			},
			() => 0,
		);
		await cached(`${BASE}/version`, auth);
		expect((await cached(`${BASE}/version/1`, auth)).status).toBe(404);
		expect(sent).toEqual([`${BASE}/version`, `${BASE}/version/1`]);
	});
});
