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
		await cached(`${BASE}/version/3`, auth);
		await cached('http://127.0.0.1:8080/matrix/hs/_matrix/client/v3/sync', auth);
		expect(line.sent).toHaveLength(7);
		// Another token is another account's answer.
		await cached(`${BASE}/version`, { headers: { Authorization: 'Bearer other' } });
		expect(line.sent).toHaveLength(8);
	});
});
