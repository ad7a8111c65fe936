import { describe, expect, it } from 'vitest';
import { parseFederation } from './federation-file.ts';

const good = {
	profile: 'test',
	caCertPath: '/somewhere/ca.pem',
	homeservers: [
		{ id: 'gt-mp', serverName: '127.0.20.1:28448', clientUrl: 'http://127.0.20.1:28008/', extra: true },
		{ id: 'outsider', serverName: '127.0.20.250:28448', clientUrl: 'http://127.0.20.250:28008' },
	],
};

const withHomeserver = (index: number, patch: Record<string, unknown>) =>
	JSON.stringify({ ...good, homeservers: good.homeservers.map((hs, i) => (i === index ? { ...hs, ...patch } : hs)) });

describe('parseFederation', () => {
	it('reads the profile and homeservers, ignoring keys it does not use, trimming the trailing slash', () => {
		const result = parseFederation(JSON.stringify(good));
		expect(result).toEqual({
			ok: true,
			value: {
				profile: 'test',
				homeservers: [
					{ id: 'gt-mp', serverName: '127.0.20.1:28448', clientUrl: 'http://127.0.20.1:28008' },
					{ id: 'outsider', serverName: '127.0.20.250:28448', clientUrl: 'http://127.0.20.250:28008' },
				],
			},
		});
	});

	it.each([
		['{', /^not valid JSON/],
		['[]', /^the top level must be an object$/],
		[JSON.stringify({ ...good, profile: '' }), /^profile: must be a non-empty string$/],
		[JSON.stringify({ ...good, homeservers: {} }), /^homeservers: must be a list$/],
		[JSON.stringify({ ...good, homeservers: ['x'] }), /^homeservers\[0\]: must be an object$/],
		[withHomeserver(1, { id: 7 }), /^homeservers\[1\]\.id: must be a non-empty string$/],
		[withHomeserver(0, { serverName: ' ' }), /^homeservers\[0\]\.serverName: must be a non-empty string$/],
		[withHomeserver(0, { clientUrl: 'ftp://x' }), /^homeservers\[0\]\.clientUrl: must be an http or https URL/],
		[withHomeserver(0, { clientUrl: 'not a url' }), /^homeservers\[0\]\.clientUrl: must be an http or https URL/],
		[withHomeserver(1, { id: 'gt-mp' }), /^homeservers\[1\]\.id: "gt-mp" appears twice$/],
	])('names the broken key in %s', (text, reason) => {
		const result = parseFederation(text);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(reason);
	});
});
