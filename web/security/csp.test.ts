import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeserverSources, KIT_ANNOUNCER_STYLE, pageDirectives, RESOURCE_POLICY, withConnectSources } from './csp.ts';

describe('the page policy', () => {
	const all = Object.values(pageDirectives).flat();

	it('allows no inline script, no eval of JavaScript and no inline style but the one hashed attribute', () => {
		expect(all).not.toContain('unsafe-inline');
		expect(all).not.toContain('unsafe-eval');
		expect(pageDirectives['script-src']).toEqual(['self', 'wasm-unsafe-eval']);
		expect(pageDirectives['style-src']).toEqual(['self']);
		expect(pageDirectives['style-src-attr']).toEqual(['unsafe-hashes', expect.stringMatching(/^sha256-[A-Za-z0-9+/]{43}=$/)]);
	});

	it('falls back to nothing, and forbids framing, plugins, base and form targets elsewhere', () => {
		expect(pageDirectives['default-src']).toEqual(['none']);
		expect(pageDirectives['frame-ancestors']).toEqual(['none']);
		expect(pageDirectives['object-src']).toEqual(['none']);
		expect(pageDirectives['base-uri']).toEqual(['self']);
		expect(pageDirectives['form-action']).toEqual(['self']);
		expect(pageDirectives['connect-src']).toEqual(['self']);
		expect(pageDirectives['require-trusted-types-for']).toEqual(['script']);
		expect(pageDirectives['trusted-types']).toEqual(['svelte-trusted-html', 'rogatory-service-worker']);
	});

	it('lets workers come from the app itself only (its service worker)', () => {
		expect(pageDirectives['worker-src']).toEqual(['self']);
	});

	it('hashes exactly the style SvelteKit writes on its route announcer', () => {
		// NOTE: resolved through Kit's own package.json, so this reads the Kit the build uses.
		const kit = dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json'));
		const root = readFileSync(join(kit, 'src', 'runtime', 'components', 'root.svelte'), 'utf8');
		expect(root, 'Kit changed its announcer style: update KIT_ANNOUNCER_STYLE').toContain(`style="${KIT_ANNOUNCER_STYLE}"`);
	});

	it('gives non-page answers a policy that runs and loads nothing', () => {
		expect(RESOURCE_POLICY).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
	});
});

describe('homeserverSources', () => {
	it('keeps each member homeserver’s origin once, without path', () => {
		expect(
			homeserverSources([
				'http://127.0.20.1:28008',
				'https://matrix.mp.gob.gt/base/',
				'http://127.0.20.1:28008/',
				'https://MATRIX.mp.gob.gt',
			]),
		).toEqual(['http://127.0.20.1:28008', 'https://matrix.mp.gob.gt']);
	});

	it('cannot be made to write another directive, and takes only http(s)', () => {
		expect(homeserverSources(['https://hs.example/x;script-src *', 'javascript:alert(1)', 'not a url', 'data:,x'])).toEqual([
			'https://hs.example',
		]);
	});
});

describe('withConnectSources', () => {
	const policy = "default-src 'none'; connect-src 'self'; script-src 'self' 'sha256-abc='";

	it('adds the sources to connect-src and leaves the rest as it was', () => {
		expect(withConnectSources(policy, ['http://127.0.20.1:28008', 'http://127.0.20.2:28008'])).toBe(
			"default-src 'none'; connect-src 'self' http://127.0.20.1:28008 http://127.0.20.2:28008; script-src 'self' 'sha256-abc='",
		);
	});

	it('adds each source once, and the directive when there is none', () => {
		expect(withConnectSources("connect-src 'self' https://a", ['https://a', 'https://b'])).toBe("connect-src 'self' https://a https://b");
		expect(withConnectSources("default-src 'none'", ['https://a'])).toBe("default-src 'none'; connect-src https://a");
	});

	it('changes nothing without sources', () => {
		expect(withConnectSources(policy, [])).toBe(policy);
	});
});
