import { describe, expect, it } from 'vitest';
import { fetchClientVersions, latestSpecVersion, versionsUrl } from './versions.ts';

const answering =
	(status: number, body: string): typeof fetch =>
	() =>
		Promise.resolve(new Response(body, { status }));

describe('versions', () => {
	it('builds the URL whatever the trailing slash', () => {
		expect(versionsUrl('http://127.0.0.1:8008/')).toBe('http://127.0.0.1:8008/_matrix/client/versions');
		expect(versionsUrl('https://hs.example/matrix')).toBe('https://hs.example/matrix/_matrix/client/versions');
	});

	it('picks the newest stable spec version', () => {
		expect(latestSpecVersion(['r0.6.1', 'v1.1', 'v1.12', 'v1.9'])).toBe('v1.12');
		expect(latestSpecVersion(['r0.6.1'])).toBeUndefined();
	});

	it('returns the versions, or the reason it could not', async () => {
		expect(await fetchClientVersions('http://hs', answering(200, '{"versions":["v1.1"]}'))).toEqual({ ok: true, value: ['v1.1'] });
		expect(await fetchClientVersions('http://hs', answering(502, 'bad gateway'))).toEqual({ ok: false, error: 'HTTP 502' });
		expect(await fetchClientVersions('http://hs', answering(200, '<html>'))).toEqual({ ok: false, error: 'the answer is not JSON' });
		expect(await fetchClientVersions('http://hs', answering(200, '{"versions":[1]}'))).toEqual({
			ok: false,
			error: 'the answer has no "versions" list',
		});
		const refused: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
		expect(await fetchClientVersions('http://hs', refused)).toEqual({ ok: false, error: 'Failed to fetch' });
	});
});
