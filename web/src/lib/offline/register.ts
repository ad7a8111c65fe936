// Registers the app's service worker (web/src/service-worker.ts) — not on
// the first page load as SvelteKit would (its `serviceWorker.register` is
// off, vite.config.ts), but once a session has opened: on a first visit over
// a slow line the worker's install would otherwise download the app a
// second time while the person waits for the crypto to start; by then
// nearly all of it is in the HTTP cache, which the install reads first.
// NOTE: the page enforces Trusted Types (require-trusted-types-for
// 'script'): a script URL must come from a policy. This one makes exactly
// one URL, the worker's, and refuses any other.

export const SERVICE_WORKER_URL = '/service-worker.js';
export const SERVICE_WORKER_POLICY = 'rogatory-service-worker';

interface ScriptUrlPolicy {
	createScriptURL(url: string): unknown;
}

let policy: ScriptUrlPolicy | undefined;
let registering: Promise<void> | undefined;

function workerUrl(): string {
	const factory = (
		globalThis as { trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy } }
	).trustedTypes;
	if (factory === undefined) return SERVICE_WORKER_URL;
	policy ??= factory.createPolicy(SERVICE_WORKER_POLICY, {
		createScriptURL(url) {
			if (url !== SERVICE_WORKER_URL) throw new TypeError(`${SERVICE_WORKER_POLICY}: not the service worker: ${url}`);
			return url;
		},
	});
	// NOTE: a TrustedScriptURL, which register() accepts where the DOM types say string.
	return policy.createScriptURL(SERVICE_WORKER_URL) as string;
}

/** Registers the worker once per page; a browser without service workers (or refusing one) goes on without. */
export function registerServiceWorker(): Promise<void> {
	registering ??= (async () => {
		if (!('serviceWorker' in navigator)) return;
		try {
			await navigator.serviceWorker.register(workerUrl(), { type: 'module', scope: '/' });
		} catch {
			// Private windows and some policies refuse service workers: the app works without, only slower.
		}
	})();
	return registering;
}
