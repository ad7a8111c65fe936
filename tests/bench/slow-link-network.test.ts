import { describe, expect, it } from 'vitest';
import { trafficOf } from './slow-link-network.ts';

const APP = 'http://127.0.0.1:38082';
const at = (path: string, origin = APP) => new URL(path, origin);

describe('trafficOf', () => {
	it('counts Matrix traffic as Matrix, at a homeserver or through the app’s proxy — never as an asset', () => {
		expect(trafficOf(at('/_matrix/client/v3/sync', 'http://127.0.10.3:18008'), 'XHR', APP)).toBe('matrix');
		expect(trafficOf(at('/matrix/127.0.10.3:18448/_matrix/client/v3/sync'), 'Fetch', APP)).toBe('matrix');
		expect(trafficOf(at('/matrix/127.0.10.3:18448/_matrix/client/v1/media/download/x/y'), 'Fetch', APP)).toBe('matrix');
	});

	it('tells the app’s pages, its API and route data, and its assets by kind apart', () => {
		expect(trafficOf(at('/en/cases'), 'Document', APP)).toBe('document');
		expect(trafficOf(at('/api/session'), 'Fetch', APP)).toBe('api');
		expect(trafficOf(at('/en/cases/__data.json'), 'Fetch', APP)).toBe('api');
		expect(trafficOf(at('/_app/immutable/chunks/a.js'), 'Script', APP)).toBe('js');
		expect(trafficOf(at('/_app/immutable/assets/b.wasm'), 'Fetch', APP)).toBe('wasm');
		expect(trafficOf(at('/favicon.svg'), 'Other', APP)).toBe('other');
	});
});
