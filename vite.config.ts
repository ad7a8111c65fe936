// The web app's build: SvelteKit (configured here — Kit 3 no longer reads a
// svelte.config.js and refuses to start if one exists), its sources under
// web/, adapter-node for `node build`, and Paraglide compiling the five
// languages' messages, fully offline (see project.inlang/settings.json).
import { execFile } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import type { CompilerOptions } from '@inlang/paraglide-js';
import { defineConfig, type Plugin } from 'vite';
import { cryptoWasmPlugin } from './web/bundle/crypto-wasm-plugin.ts';
import { pageDirectives } from './web/security/csp.ts';

const LOCALES = ['en', 'es', 'fr', 'pt', 'ru'] as const;

const messages = {
	project: './project.inlang',
	outdir: './web/src/lib/paraglide',
	// NOTE: the URL wins, then the cookie the language switcher sets, then
	// Accept-Language. Every language, English included, lives under its own
	// prefix (/en, /es, …): with Paraglide's default pattern a bare path means
	// the base locale, and the cookie and Accept-Language would never be
	// consulted. A bare path redirects to the chosen prefix.
	strategy: ['url', 'cookie', 'preferredLanguage', 'baseLocale'],
	// NOTE: Kit serves /fr, never /fr/ (its default trailingSlash "never"); the
	// root gets a pattern of its own because Paraglide keeps the slash of "/"
	// when it localizes it, which would cost a second redirect.
	urlPatterns: [
		{ pattern: '/', localized: LOCALES.map((locale) => [locale, `/${locale}`]) },
		{ pattern: '/:path(.*)?', localized: LOCALES.map((locale) => [locale, `/${locale}/:path(.*)?`]) },
	],
	trailingSlash: 'never',
	// Server code and browser code each keep only their side of the runtime.
	isServer: "import.meta.env?.SSR ?? typeof window === 'undefined'",
	outputStructure: 'message-modules',
	emitReadme: false,
} satisfies CompilerOptions;

// NOTE: without its message-format plugin the inlang SDK compiles no
// messages and says so only as a warning; the build would then fail far away
// ("m.tagline is not exported"), so a missing local module stops it here.
const COMPILE_IN_CHILD = `
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
const options = JSON.parse(process.env.PARAGLIDE_OPTIONS);
const settings = JSON.parse(readFileSync(join(options.project, 'settings.json'), 'utf8'));
for (const module of settings.modules ?? []) {
	const path = join(dirname(options.project), module);
	if (!existsSync(path)) {
		console.error('the inlang module ' + module + ' (project.inlang/settings.json) is missing; is its npm package installed?');
		process.exit(1);
	}
}
const { compile } = await import('@inlang/paraglide-js');
await compile(options);
process.exit(0);
`;

/**
 * Compiles the messages whenever Vite resolves this config — at build, at dev
 * start and at `svelte-kit sync`, so type-checking and linting see them
 * without a build — and again in dev when a message file changes.
 * NOTE: in a child process that exits when done, not Paraglide's own Vite
 * plugin: the inlang SDK's storage leaves 30-second timers behind (lix
 * wasm), which kept every build and sync alive half a minute after it
 * finished.
 */
function compileMessages(): Plugin {
	const run = promisify(execFile);
	const inputs = [resolve('web/messages'), resolve('project.inlang/settings.json')];
	let compiling: Promise<unknown> | undefined;
	const compileNow = (): Promise<unknown> =>
		(compiling ??= run(process.execPath, ['--input-type=module', '-e', COMPILE_IN_CHILD], {
			env: { ...process.env, PARAGLIDE_OPTIONS: JSON.stringify(messages) },
		})
			.catch((error: unknown) => {
				const { stderr, stdout } = error as { stderr?: string; stdout?: string };
				throw new Error(`Paraglide could not compile the messages:\n${stderr ?? ''}${stdout ?? ''}`);
			})
			.finally(() => (compiling = undefined)));
	return {
		name: 'rogatory:compile-messages',
		async configResolved() {
			await compileNow();
		},
		configureServer(server) {
			server.watcher.add(inputs);
			server.watcher.on('change', (file) => {
				if (inputs.some((input) => !relative(input, file).startsWith('..')))
					compileNow().catch((error: unknown) => server.config.logger.error(`messages did not compile: ${String(error)}`));
			});
		},
	};
}

export default defineConfig({
	plugins: [
		compileMessages(),
		cryptoWasmPlugin(),
		sveltekit({
			adapter: adapter({ out: 'build' }),
			files: {
				src: 'web/src',
				assets: 'web/static',
			},
			// A hash for each inline script Kit writes (its start-up script): no nonce to leak or reuse.
			// No homeserver in connect-src: the browser reaches them through the app's proxy (web/proxy/).
			csp: { mode: 'hash', directives: pageDirectives },
			// The app registers its service worker itself, once a session has opened (web/src/lib/offline/register.ts).
			serviceWorker: { register: false },
		}),
	],
	optimizeDeps: {
		// NOTE: the crypto package loads its .wasm through new URL(…, import.meta.url);
		// Vite's dependency pre-bundling breaks that path (MATRIX-NOTES.md).
		exclude: ['@matrix-org/matrix-sdk-crypto-wasm'],
	},
});
