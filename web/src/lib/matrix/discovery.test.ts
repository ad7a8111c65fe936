import { describe, expect, it } from 'vitest';
import { baseUrlFromWellKnown, discoverHomeserver, parseHomeserverUrl, type KnownHomeserver } from './discovery.ts';
import { parseUserIdInput } from './matrix-id.ts';

const known: KnownHomeserver[] = [
	{ serverName: '127.0.20.1:28448', clientUrl: 'http://127.0.20.1:28008' },
	{ serverName: 'mp.gob.gt', clientUrl: 'https://matrix.mp.gob.gt' },
];

function id(text: string) {
	const parsed = parseUserIdInput(text);
	if (!parsed.ok) throw new Error(parsed.error.kind);
	return parsed.value;
}

/** A fetch that answers from a table of URL → JSON body (or status), and records what was asked. */
function fakeFetch(answers: Record<string, unknown>) {
	const asked: string[] = [];
	const impl = ((input: string) => {
		const url = input;
		asked.push(url);
		if (!(url in answers)) return Promise.reject(new TypeError('Failed to fetch'));
		const answer = answers[url];
		if (typeof answer === 'number') return Promise.resolve(new Response('nope', { status: answer }));
		return Promise.resolve(new Response(JSON.stringify(answer), { status: 200 }));
	}) as typeof fetch;
	return { impl, asked };
}

describe('discoverHomeserver', () => {
	it('asks the person for an IP-literal server, pre-filled from the deployment, without touching the network', async () => {
		const { impl, asked } = fakeFetch({});
		expect(await discoverHomeserver(id('@ana:127.0.20.1:28448'), known, impl)).toEqual({
			kind: 'ask',
			reason: 'ip-literal',
			suggestion: 'http://127.0.20.1:28008',
		});
		expect(await discoverHomeserver(id('@ana:127.0.20.9:28448'), known, impl)).toEqual({
			kind: 'ask',
			reason: 'ip-literal',
			suggestion: undefined,
		});
		expect(asked).toEqual([]);
	});

	it('follows .well-known on the host without its port, and checks the base URL answers', async () => {
		const { impl, asked } = fakeFetch({
			'https://example.org/.well-known/matrix/client': { 'm.homeserver': { base_url: 'https://matrix.example.org/' } },
			'https://matrix.example.org/_matrix/client/versions': { versions: ['v1.11'] },
		});
		expect(await discoverHomeserver(id('@ana:example.org:8448'), known, impl)).toEqual({
			kind: 'found',
			url: 'https://matrix.example.org',
		});
		expect(asked[0]).toBe('https://example.org/.well-known/matrix/client');
	});

	it('falls back to asking, with the deployment suggestion, when .well-known is missing', async () => {
		const { impl } = fakeFetch({ 'https://mp.gob.gt/.well-known/matrix/client': 404 });
		expect(await discoverHomeserver(id('@ana:mp.gob.gt'), known, impl)).toEqual({
			kind: 'ask',
			reason: 'no-well-known',
			suggestion: 'https://matrix.mp.gob.gt',
		});
	});

	it('suggests the advertised base URL when it does not answer', async () => {
		const { impl } = fakeFetch({
			'https://example.org/.well-known/matrix/client': { 'm.homeserver': { base_url: 'https://down.example.org' } },
		});
		expect(await discoverHomeserver(id('@ana:example.org'), known, impl)).toEqual({
			kind: 'ask',
			reason: 'well-known-unreachable',
			suggestion: 'https://down.example.org',
		});
	});
});

describe('baseUrlFromWellKnown', () => {
	it.each([null, {}, { 'm.homeserver': {} }, { 'm.homeserver': { base_url: 42 } }, { 'm.homeserver': { base_url: 'ftp://x' } }])(
		'refuses %j',
		(body) => expect(baseUrlFromWellKnown(body).ok).toBe(false),
	);
});

describe('parseHomeserverUrl', () => {
	it('tidies what was typed', () => {
		expect(parseHomeserverUrl(' http://127.0.20.1:28008/ ')).toEqual({ ok: true, value: 'http://127.0.20.1:28008' });
		expect(parseHomeserverUrl('matrix.example.org')).toEqual({ ok: true, value: 'https://matrix.example.org' });
		expect(parseHomeserverUrl('https://example.org/matrix/')).toEqual({ ok: true, value: 'https://example.org/matrix' });
	});

	it.each([
		['', 'empty'],
		['ftp://example.org', 'invalid'],
		['https://example.org/?x=1', 'invalid'],
		['https://user:pw@example.org', 'invalid'],
		['http://', 'invalid'],
	])('refuses %j as %s', (typed, error) => expect(parseHomeserverUrl(typed)).toEqual({ ok: false, error }));
});
