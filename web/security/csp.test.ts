import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIT_ANNOUNCER_STYLE, pageDirectives, RESOURCE_POLICY } from './csp.ts';

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
