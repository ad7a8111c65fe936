// The web app's build: SvelteKit (configured here — Kit 3 no longer reads a
// svelte.config.js and refuses to start if one exists), its sources under
// web/, adapter-node for `node build`, and Paraglide compiling the five
// languages' messages at build time, fully offline (see project.inlang/).
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';

const LOCALES = ['en', 'es', 'fr', 'pt', 'ru'] as const;

export default defineConfig({
	plugins: [
		sveltekit({
			adapter: adapter({ out: 'build' }),
			files: {
				src: 'web/src',
				assets: 'web/static',
			},
		}),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './web/src/lib/paraglide',
			// NOTE: the URL wins, then the cookie the language switcher sets, then
			// Accept-Language. Every language, English included, lives under its
			// own prefix (/en/, /es/, …): with Paraglide's default pattern a bare
			// path means the base locale, and the cookie and Accept-Language would
			// never be consulted. A bare path redirects to the chosen prefix.
			strategy: ['url', 'cookie', 'preferredLanguage', 'baseLocale'],
			// NOTE: Kit serves /fr, never /fr/ (its default trailingSlash "never"); the
			// root gets a pattern of its own because Paraglide keeps the slash of "/"
			// when it localizes it, which would cost a second redirect.
			urlPatterns: [
				{ pattern: '/', localized: LOCALES.map((locale) => [locale, `/${locale}`]) },
				{ pattern: '/:path(.*)?', localized: LOCALES.map((locale) => [locale, `/${locale}/:path(.*)?`]) },
			],
			trailingSlash: 'never',
			emitReadme: false,
		}),
	],
	optimizeDeps: {
		// NOTE: the crypto package loads its .wasm through new URL(…, import.meta.url);
		// Vite's dependency pre-bundling breaks that path (MATRIX-NOTES.md).
		exclude: ['@matrix-org/matrix-sdk-crypto-wasm'],
	},
});
