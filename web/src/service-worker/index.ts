// The app's service worker (SvelteKit builds it from this file; the app
// registers it, lib/offline/register.ts): a repeat visit on a slow line
// loads the app's code, styles and the crypto WASM from this browser instead
// of the line, and the app starts without a network. What it may keep is
// decided by lib/offline/cache-policy.ts — never a Matrix answer, never
// decrypted media, never the register. One cache per version of the app:
// the files of a build never change under their names, and a new version's
// worker deletes the old one's cache when it takes over.
// NOTE: type-checked under its own tsconfig.json (the worker's globals, not the page's).
import { version } from '$app/env';
import { assets, immutable } from '$app/manifest';
import { self as worker } from '$app/service-worker';
import { cacheName, cacheRule, isOtherVersionsCache } from '../lib/offline/cache-policy.ts';

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
			.then(() => worker.clients.claim()),
	);
});

async function fromCacheFirst(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	const kept = await cache.match(request);
	if (kept !== undefined) return kept;
	const response = await fetch(request);
	if (response.status === 200) await cache.put(request, response.clone());
	return response;
}

async function fromNetworkFirst(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	try {
		const response = await fetch(request);
		// NOTE: only a whole, ordinary page: a redirect (signed-out, another language) is the server's to make again.
		if (response.status === 200 && response.type === 'basic') await cache.put(request, response.clone());
		return response;
	} catch (error) {
		const kept = await cache.match(request);
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
			return event.respondWith(fromNetworkFirst(request));
		case 'pass':
			return;
	}
});
