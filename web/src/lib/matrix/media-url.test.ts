import { describe, expect, it } from 'vitest';
import { mediaDownloadUrl } from './media-url.ts';

describe('mediaDownloadUrl', () => {
	it('keeps the base URL’s path (the app’s proxy), which the SDK’s own mxcUrlToHttp drops', () => {
		expect(mediaDownloadUrl('http://127.0.0.1:8080/matrix/127.0.20.1:28448', 'mxc://127.0.20.1:28448/dqXkBPUCqyOvHqfvEebGvyze')).toBe(
			'http://127.0.0.1:8080/matrix/127.0.20.1:28448/_matrix/client/v1/media/download/127.0.20.1%3A28448/dqXkBPUCqyOvHqfvEebGvyze',
		);
		expect(mediaDownloadUrl('https://matrix.mp.gob.gt/', 'mxc://mp.gob.gt/abc_-1')).toBe(
			'https://matrix.mp.gob.gt/_matrix/client/v1/media/download/mp.gob.gt/abc_-1',
		);
	});

	it('gives nothing for an mxc URL that could reach another path', () => {
		for (const mxc of [
			'mxc://mp.gob.gt/../../x',
			'mxc://mp.gob.gt/a/b',
			'mxc://mp.gob.gt/a?b',
			'http://mp.gob.gt/a',
			'mxc:///a',
			'mxc://mp.gob.gt/',
		])
			expect(mediaDownloadUrl('https://hs', mxc), mxc).toBeUndefined();
	});
});
