// What the service worker (web/src/service-worker.ts) may keep, decided for
// one request: the app's own files of this version (its code, styles, the
// crypto WASM, static files), and the HTML and route data of the few pages
// that carry no case content, so the app starts without a network. Nothing
// else is touched: not the Matrix client API (encrypted or not, it is the
// person's data, and a cached answer would be replayed to whoever opens the
// browser next), not the app's own API, not the register (its pages are the
// authority's case records rendered by the server), and nothing of another
// origin — the homeservers and their media. Decrypted files are blob: URLs,
// which never reach a service worker.

export type CacheRule =
	/** A file of this build: served from the cache, fetched and kept on a miss. */
	| 'asset'
	/** A page (or its route data) without case content: the network first, the kept copy when there is none. */
	| 'page'
	/** Left to the browser: the worker does not answer it and keeps nothing of it. */
	| 'pass';

export interface RequestFacts {
	readonly url: string;
	readonly method: string;
	/** The service worker's own origin (the app's). */
	readonly origin: string;
	/** Request.mode: 'navigate' for a page. */
	readonly mode: string;
}

const LOCALES = ['en', 'es', 'fr', 'pt', 'ru'] as const;

/**
 * The pages whose server-rendered HTML and route data hold no case content:
 * the signed-in pages are rendered in the browser from Matrix (the server
 * sends only the deployment's server names), sign-in and the start page hold
 * the roster's public part. NOTE: an allow-list: the register and the
 * administration pages are rendered by the server from the register and
 * sessions, and a page added later stays out until it is named here.
 */
const SHELL_PAGE = new RegExp(
	`^/(?:${LOCALES.join('|')})(?:/(?:home|keys|sign-in|cases|cases/new|cases/![^/]+|directory|directory/find|directory/edit|directory/entry))?(?:/__data\\.json)?$`,
);

/** Whether a path is one of the pages (or their route data) the worker may keep. */
export function isShellPage(path: string): boolean {
	return SHELL_PAGE.test(decodeURIComponent(path));
}

/**
 * The case page kept to stand in for every case page offline: a case page's
 * HTML is the same for every case (the server sends the deployment's servers;
 * the case itself comes from Matrix in the browser, and the app reads which
 * case from the address). NOTE: "!shell" is no Matrix room ID (it has no
 * server name), so it never names a real case.
 */
const CASE_STAND_IN = 'cases/!shell';

/** The signed-in pages (HTML rendered without case content) every app navigation offline is served from. */
const SIGNED_IN_PAGES = [
	'home',
	'keys',
	'cases',
	'cases/new',
	CASE_STAND_IN,
	'directory',
	'directory/find',
	'directory/edit',
	'directory/entry',
] as const;

const SIGNED_IN_PAGE = new RegExp(
	`^/(${LOCALES.join('|')})/(?:home|keys|cases|cases/new|cases/![^/]+|directory|directory/find|directory/edit|directory/entry)$`,
);
const DIRECTORY_ENTRY = new RegExp(`^/(${LOCALES.join('|')})/directory/entry$`);
const CASE_PAGE = new RegExp(`^/(${LOCALES.join('|')})/cases/![^/]+$`);

/**
 * The language of a signed-in page (not its route data, not sign-in): once
 * one is kept, the worker keeps the others of that language too, so a page
 * never opened as a whole page still opens offline.
 */
export function signedInLocale(path: string): string | undefined {
	return SIGNED_IN_PAGE.exec(decodeURIComponent(path))?.[1];
}

/** The signed-in pages of one language the worker keeps, the case page standing in for all cases among them. */
export function signedInPages(locale: string): string[] {
	return SIGNED_IN_PAGES.map((page) => `/${locale}/${page}`);
}

/** The kept page that serves a page offline when its own copy is not kept: for a case page, the stand-in case page; for a directory entry, the entry page without its query. */
export function offlineStandIn(path: string): string | undefined {
	const decoded = decodeURIComponent(path);
	// A directory entry is chosen by the address's query: its page kept without one serves every entry.
	if (DIRECTORY_ENTRY.test(decoded)) return decoded;
	const locale = CASE_PAGE.exec(decoded)?.[1];
	return locale === undefined ? undefined : `/${locale}/${CASE_STAND_IN}`;
}

/** The rule for one request; `assets` are the paths of this version's files ($service-worker's build and files). */
export function cacheRule(request: RequestFacts, assets: ReadonlySet<string>): CacheRule {
	if (request.method !== 'GET') return 'pass';
	const url = URL.parse(request.url);
	if (url === null || url.origin !== request.origin) return 'pass';
	const path = url.pathname;
	// NOTE: first, whatever else matches: the client API is never the worker's, same-origin or not
	// (/matrix/<server name>/_matrix/… is the web server's same-origin proxy, web/proxy/).
	if (path.startsWith('/_matrix/') || path.startsWith('/matrix/') || path.startsWith('/api/')) return 'pass';
	if (assets.has(path) && url.search === '') return 'asset';
	if (isShellPage(path) && (request.mode === 'navigate' || path.endsWith('/__data.json'))) return 'page';
	return 'pass';
}

/** The cache of one version of the app; every other version's cache is deleted when it takes over. */
export const cacheName = (version: string): string => `rogatory-app-${version}`;

export function isOtherVersionsCache(name: string, version: string): boolean {
	return name.startsWith('rogatory-app-') && name !== cacheName(version);
}
