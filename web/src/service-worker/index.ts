// The app's service worker (SvelteKit builds it from this file; the app
// registers it, lib/offline/register.ts): a repeat visit on a slow line
// loads the app's code, styles and the crypto WASM from this browser instead
// of the line, and the app starts without a network. What it may keep is
// decided by lib/offline/cache-policy.ts — never a Matrix answer, never
// decrypted media, never the register. One cache per version of the app:
// the files of a build never change under their names, and a new version's
// worker deletes the old one's cache when it takes over. Offline, every
// signed-in page opens from a kept copy: once one of them has been loaded,
// the others of its language are kept too, and one case page stands in for
// every case (the case itself comes from the browser's stores).
// NOTE: type-checked under its own tsconfig.json (the worker's globals, not the page's).
import { version } from '$app/env';
import { assets, immutable } from '$app/manifest';
import { self as worker } from '$app/service-worker';
import { cacheName, cacheRule, isOtherVersionsCache, offlineStandIn, signedInLocale, signedInPages } from '../lib/offline/cache-policy.ts';

const CACHE = cacheName(version);
const ASSETS = new Set([...immutable, ...assets].map(({ path }) => `/${path.replace(/^\//, '')}`));

worker.addEventListener('install', (event) => {
	// NOTE: the app registers this worker only once a session has opened, so most of
	// these files are already in the HTTP cache, which these requests read first.
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll([...ASSETS]))
			.then(() => worker.skipWaiting()),
	);
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((names) => Promise.all(names.filter((name) => isOtherVersionsCache(name, version)).map((name) => caches.delete(name))))
			.then(() => worker.clients.claim())
			// The pages already open were loaded before this worker was in charge: their languages' pages are kept now.
			.then(() => worker.clients.matchAll({ type: 'window' }))
			.then((windows) => Promise.all(windows.map((window) => keepSignedInPages(new URL(window.url).pathname)))),
	);
});

/** Whether a response is a whole, ordinary page: a redirect (signed-out, another language) is the server's to make again. */
const isWholePage = (response: Response): boolean => response.status === 200 && response.type === 'basic' && !response.redirected;

/**
 * Keeps the signed-in pages of the language of `path` (when it is one) that
 * are not kept yet, so that any of them, and any case page, opens offline
 * after a visit that loaded only one of them as a whole page.
 */
async function keepSignedInPages(path: string): Promise<void> {
	const locale = signedInLocale(path);
	if (locale === undefined) return;
	const cache = await caches.open(CACHE);
	for (const page of signedInPages(locale)) {
		const url = new URL(page, worker.location.origin).href;
		if ((await cache.match(url, { ignoreVary: true })) !== undefined) continue;
		try {
			const response = await fetch(url, { redirect: 'manual' });
			if (isWholePage(response)) await cache.put(url, response);
		} catch {
			// Offline or refused: the next visit tries again.
			return;
		}
	}
}

async function fromCacheFirst(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	const kept = await cache.match(request);
	if (kept !== undefined) return kept;
	const response = await fetch(request);
	if (response.status === 200) await cache.put(request, response.clone());
	return response;
}

/** The kept copy of a page, or of the page that stands in for it (cache-policy.ts), answered as this page. */
async function keptPage(cache: Cache, request: Request): Promise<Response | undefined> {
	const own = await cache.match(request);
	if (own !== undefined) return own;
	const standIn = offlineStandIn(new URL(request.url).pathname);
	if (standIn === undefined) return undefined;
	const kept = await cache.match(new URL(standIn, worker.location.origin).href, { ignoreVary: true });
	// NOTE: a new response, without the stand-in's URL: the page is the one asked for.
	return kept === undefined
		? undefined
		: new Response(kept.body, { status: kept.status, statusText: kept.statusText, headers: kept.headers });
}

async function fromNetworkFirst(event: FetchEvent): Promise<Response> {
	const { request } = event;
	const cache = await caches.open(CACHE);
	try {
		const response = await fetch(request);
		if (isWholePage(response)) {
			await cache.put(request, response.clone());
			if (request.mode === 'navigate') event.waitUntil(keepSignedInPages(new URL(request.url).pathname));
		}
		return response;
	} catch (error) {
		const kept = await keptPage(cache, request);
		if (kept !== undefined) return kept;
		throw error;
	}
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	switch (cacheRule({ url: request.url, method: request.method, origin: worker.location.origin, mode: request.mode }, ASSETS)) {
		case 'asset':
			return event.respondWith(fromCacheFirst(request));
		case 'page':
			return event.respondWith(fromNetworkFirst(event));
		case 'pass':
			return;
	}
});

// A notification of the notification centre (lib/notifications/browser-notify.ts): a click brings an open window of the
// app to the page it names (a path of this app only), or opens one.
worker.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const data: unknown = event.notification.data;
	const path = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['path'] : undefined;
	const target = typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') ? path : '/';
	event.waitUntil(
		worker.clients.matchAll({ type: 'window' }).then(async (windows) => {
			const open = windows.find((w) => new URL(w.url).origin === worker.location.origin);
			if (open === undefined) return void (await worker.clients.openWindow(target));
			await open.focus();
			await open.navigate(target);
		}),
	);
});
