// The app's Content-Security-Policy (ARCHITECTURE.md, decision 12). It is
// given to SvelteKit's `csp` option (vite.config.ts), which adds a hash for
// each inline script it writes into a page. A page connects to the app
// itself only: the homeservers' client API is reached through the app's own
// server (web/proxy/), so no homeserver's origin is ever in the policy.
// Why each directive is what it is: docs/decisions.md, "The web app's
// Content-Security-Policy".
import { createHash } from 'node:crypto';
import type { Config } from '@sveltejs/kit/vite';

type Directives = NonNullable<NonNullable<Config['csp']>['directives']>;

/**
 * NOTE: the one inline style the app cannot avoid: SvelteKit's route
 * announcer (a visually hidden live region it adds after the first
 * navigation; @sveltejs/kit src/runtime/components/root.svelte) carries it as
 * a style attribute. Allowing exactly this text by its hash ('unsafe-hashes'
 * applies to attributes only) keeps every other inline style blocked.
 * csp.test.ts checks that Kit still writes exactly this, so an upgrade that
 * changes it fails there rather than in a browser.
 */
export const KIT_ANNOUNCER_STYLE =
	'position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); overflow: hidden; white-space: nowrap; width: 1px; height: 1px';

const sha256 = (text: string): `sha256-${string}` => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/**
 * Trusted Types policies the app's own code creates: Svelte's for the HTML
 * of its templates, the app's for its service worker's URL (exactly that
 * URL; web/src/lib/offline/register.ts). Any other write of a string into an HTML or script sink
 * (innerHTML, script.src…) throws instead of running.
 */
export const TRUSTED_TYPES_POLICIES: readonly string[] = ['svelte-trusted-html', 'rogatory-service-worker'];

/** The directives given to SvelteKit (names and keywords unquoted; Kit quotes them). */
export const pageDirectives: Directives = {
	// Everything not named below: nothing.
	'default-src': ['none'],
	// The app's own modules; the Rust crypto's WebAssembly needs 'wasm-unsafe-eval' (not 'unsafe-eval': no eval of JS).
	'script-src': ['self', 'wasm-unsafe-eval'],
	'style-src': ['self'],
	'style-src-attr': ['unsafe-hashes', sha256(KIT_ANNOUNCER_STYLE)],
	// The favicon. Files are decrypted into blob: URLs only to be downloaded, which is a navigation, not an image load.
	'img-src': ['self'],
	// 'self': the app's API, the crypto's .wasm and the homeservers through the app's proxy (/matrix/…, web/proxy/).
	'connect-src': ['self'],
	// The app's service worker, from its own origin (web/src/service-worker.ts).
	'worker-src': ['self'],
	'frame-ancestors': ['none'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self'],
	'require-trusted-types-for': ['script'],
	'trusted-types': [...TRUSTED_TYPES_POLICIES],
};

/**
 * The policy for everything that is not a page (API answers, downloads,
 * static files): nothing may run or load, nobody may frame it. A file of the
 * app opened as a document (an SVG, say) then runs no script of its own.
 */
export const RESOURCE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The service worker's own policy (a worker runs under the policy its script
 * was served with, not the page's): it runs no other script and fetches
 * only the app's own files; the homeservers are not among them — it never
 * touches Matrix traffic (web/src/lib/offline/cache-policy.ts).
 */
export const SERVICE_WORKER_POLICY = "default-src 'none'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
