import { describe, expect, it } from 'vitest';
import { isProxyPath, proxyTarget } from './route.ts';

const members = new Map([
	['127.0.20.1:28448', 'http://127.0.20.1:28008'],
	['mp.gob.gt', 'https://matrix.mp.gob.gt/base'],
]);

const target = (path: string) => proxyTarget(path, members);
const status = (path: string) => {
	const answer = target(path);
	return answer.ok ? 200 : answer.error.status;
};

describe('proxyTarget', () => {
	it('passes a member homeserver’s client and media API on to its client URL, path and query as they came', () => {
		const sync = target('/matrix/127.0.20.1:28448/_matrix/client/v3/sync?since=s1_2&timeout=30000');
		expect(sync.ok && sync.value.url.href).toBe('http://127.0.20.1:28008/_matrix/client/v3/sync?since=s1_2&timeout=30000');
		const encoded = target('/matrix/127.0.20.1%3A28448/_matrix/client/v3/rooms/!a%3Ab/send/m.room.message/t1');
		expect(encoded.ok && encoded.value.url.href).toBe('http://127.0.20.1:28008/_matrix/client/v3/rooms/!a%3Ab/send/m.room.message/t1');
		// An event ID may hold an encoded slash: it stays one segment.
		const event = target('/matrix/mp.gob.gt/_matrix/client/v3/rooms/!a%3Ab/event/%24ab%2Fcd');
		expect(event.ok && event.value.url.href).toBe('https://matrix.mp.gob.gt/base/_matrix/client/v3/rooms/!a%3Ab/event/%24ab%2Fcd');
		const media = target('/matrix/mp.gob.gt/_matrix/client/v1/media/download/mp.gob.gt/abc');
		expect(media.ok && media.value.serverName).toBe('mp.gob.gt');
		expect(status('/matrix/mp.gob.gt/_matrix/media/v3/upload')).toBe(200);
		expect(status('/matrix/mp.gob.gt/_matrix/client/v3/pushrules/')).toBe(200);
	});

	it('refuses a server the deployment does not list, whatever it looks like', () => {
		for (const path of [
			'/matrix/127.0.20.250:28448/_matrix/client/versions',
			'/matrix/MP.gob.gt/_matrix/client/versions',
			'/matrix/mp.gob.gt./_matrix/client/versions',
			'/matrix/evil.example/_matrix/client/versions',
			'/matrix/http:%2F%2Fevil.example/_matrix/client/versions',
			'/matrix/http:/evil.example/_matrix/client/versions',
			'/matrix/mp.gob.gt@evil.example/_matrix/client/versions',
			'/matrix/127.0.20.1:28448%2F..%2F..%2Fevil/_matrix/client/versions',
			'/matrix//_matrix/client/versions',
			'/matrix/mp.gob.gt',
		])
			expect(status(path), path).toBe(404);
		expect(target('/matrix/evil.example/_matrix/client/versions')).toEqual({
			ok: false,
			error: { status: 404, reason: 'not a homeserver of this deployment' },
		});
	});

	it('refuses an absolute URL or a scheme-relative one in the path', () => {
		expect(isProxyPath('http://evil.example/matrix/mp.gob.gt/_matrix/client/versions')).toBe(false);
		expect(status('http://evil.example/matrix/mp.gob.gt/_matrix/client/versions')).toBe(404);
		expect(status('//evil.example/matrix/mp.gob.gt/_matrix/client/versions')).toBe(404);
		expect(status('/matrix/mp.gob.gt//evil.example/_matrix/client/versions')).toBe(400);
		expect(status('/matrix/mp.gob.gt/_matrix/client/v3/x/http://evil.example/')).toBe(400);
	});

	it('refuses dot segments, raw or encoded, and backslashes: nothing climbs out of /_matrix/', () => {
		for (const path of [
			'/matrix/mp.gob.gt/_matrix/client/../../_synapse/admin/v1/users',
			'/matrix/mp.gob.gt/_matrix/client/%2e%2e/%2E%2E/_synapse/admin/v1/users',
			'/matrix/mp.gob.gt/_matrix/client/.%2e/x',
			'/matrix/mp.gob.gt/_matrix/client/./v3/sync',
			'/matrix/mp.gob.gt/_matrix/client/..\\..\\_synapse/admin',
			'/matrix/mp.gob.gt/_matrix/client/v3/%ZZ',
			'/matrix/%ZZ/_matrix/client/versions',
		])
			expect(status(path), path).toBe(400);
	});

	it('refuses control characters and spaces, so nothing can end a request line or a header', () => {
		for (const path of [
			'/matrix/mp.gob.gt/_matrix/client/versions\r\nX-Injected: 1',
			'/matrix/mp.gob.gt/_matrix/client/versions?x=\n',
			'/matrix/mp.gob.gt/_matrix/client/versions x',
			'/matrix/mp.gob.gt/_matrix/client/versions#frag',
			'/matrix/mp.gob.gt/_matrix/client/\u0000versions',
		])
			expect(status(path), JSON.stringify(path)).toBe(400);
	});

	it('passes on nothing but the client and media APIs', () => {
		for (const path of [
			'/matrix/mp.gob.gt/_synapse/admin/v1/users',
			'/matrix/mp.gob.gt/_matrix/federation/v1/version',
			'/matrix/mp.gob.gt/_matrix/key/v2/server',
			'/matrix/mp.gob.gt/_matrix/clientx/versions',
			'/matrix/mp.gob.gt/.well-known/matrix/client',
			'/matrix/mp.gob.gt/',
			'/matrix/mp.gob.gt/_matrix/',
		])
			expect(status(path), path).toBe(404);
	});

	it('knows nothing when the deployment lists no homeserver', () => {
		expect(proxyTarget('/matrix/mp.gob.gt/_matrix/client/versions', new Map()).ok).toBe(false);
	});
});
