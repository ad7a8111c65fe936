// Forgets the pages the service worker kept (their HTML and route data name
// the deployment's servers and whether the person administers sessions; no
// case content, lib/offline/cache-policy.ts) when a session ends. The app's
// files stay: they are the same for everyone, and a slow line would pay for
// them again.
import { isOtherVersionsCache, isShellPage } from './cache-policy.ts';

/** A kept page or its route data, as opposed to a file of the build. */
export function isKeptPage(url: string): boolean {
	return isShellPage(new URL(url).pathname);
}

/** Deletes every kept page from every version's cache of the app. */
export async function forgetKeptPages(storage: Pick<CacheStorage, 'keys' | 'open'>): Promise<void> {
	const names = (await storage.keys()).filter((name) => isOtherVersionsCache(name, ''));
	for (const name of names) {
		const cache = await storage.open(name);
		for (const request of await cache.keys()) if (isKeptPage(request.url)) await cache.delete(request);
	}
}
