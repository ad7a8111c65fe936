import { describe, expect, it } from 'vitest';
import {
	cacheName,
	cacheRule,
	isOtherVersionsCache,
	offlineStandIn,
	signedInLocale,
	signedInPages,
	type RequestFacts,
} from './cache-policy.ts';

const origin = 'https://rogatory.mp.gt';
const assets = new Set([
	'/_app/immutable/entry/start.abc.js',
	'/_app/immutable/assets/matrix_sdk_crypto_wasm_bg.1a2b.wasm',
	'/favicon.svg',
]);
const get = (path: string, mode = 'cors', at = origin): RequestFacts => ({ url: `${at}${path}`, method: 'GET', origin, mode });

describe('what the service worker keeps', () => {
	it("keeps this version's files, the crypto WASM among them", () => {
		expect(cacheRule(get('/_app/immutable/entry/start.abc.js'), assets)).toBe('asset');
		expect(cacheRule(get('/_app/immutable/assets/matrix_sdk_crypto_wasm_bg.1a2b.wasm'), assets)).toBe('asset');
		expect(cacheRule(get('/favicon.svg', 'no-cors'), assets)).toBe('asset');
	});

	it("leaves another version's file, or one asked for with a query, to the browser", () => {
		expect(cacheRule(get('/_app/immutable/entry/start.old.js'), assets)).toBe('pass');
		expect(cacheRule(get('/favicon.svg?x=1'), assets)).toBe('pass');
	});

	it('never answers the Matrix client API, on a homeserver or through the app', () => {
		for (const at of ['https://matrix.mp.gt', 'http://127.0.10.3:18448', origin]) {
			expect(cacheRule(get('/_matrix/client/v3/sync?since=s1', 'cors', at), assets)).toBe('pass');
			expect(cacheRule(get('/_matrix/client/v1/media/download/mp.gt/abc', 'cors', at), assets)).toBe('pass');
			expect(cacheRule(get('/matrix/mp.gt/_matrix/client/v3/sync?since=s1', 'cors', at), assets)).toBe('pass');
			expect(cacheRule(get('/matrix/mp.gt/_matrix/client/v1/media/download/mp.gt/abc', 'cors', at), assets)).toBe('pass');
		}
	});

	it('never answers the media of a homeserver, nor any other origin, even under a path it keeps', () => {
		expect(cacheRule(get('/_app/immutable/entry/start.abc.js', 'cors', 'https://elsewhere.example'), assets)).toBe('pass');
		expect(cacheRule(get('/en/home', 'navigate', 'https://elsewhere.example'), assets)).toBe('pass');
	});

	it("never answers the app's own API or a write", () => {
		expect(cacheRule(get('/api/session'), assets)).toBe('pass');
		expect(cacheRule({ ...get('/en/home', 'navigate'), method: 'POST' }, assets)).toBe('pass');
		expect(cacheRule({ ...get('/_app/immutable/entry/start.abc.js'), method: 'HEAD' }, assets)).toBe('pass');
	});

	it('keeps the pages without case content, in every language, and their route data', () => {
		for (const locale of ['en', 'es', 'fr', 'pt', 'ru'])
			for (const page of [
				'',
				'/home',
				'/keys',
				'/sign-in',
				'/cases',
				'/cases/new',
				'/cases/!abc:mp.gt',
				'/directory',
				'/directory/find',
				'/directory/edit',
				'/directory/entry',
			])
				expect(cacheRule(get(`/${locale}${page}`, 'navigate'), assets), `/${locale}${page}`).toBe('page');
		expect(cacheRule(get('/en/cases/__data.json?x-sveltekit-invalidated=01'), assets)).toBe('page');
		expect(cacheRule(get(`/en/cases/${encodeURIComponent('!abc:mp.gt')}`, 'navigate'), assets)).toBe('page');
	});

	it('never keeps the register, the administration pages, or a page it does not know', () => {
		for (const page of [
			'/en/register',
			'/en/register/statistics',
			'/en/register/cases.csv',
			'/en/admin/sessions',
			'/en/register/__data.json',
			'/de/home',
			'/en/home/x',
			'/en/directory/x',
		])
			expect(cacheRule(get(page, 'navigate'), assets), page).toBe('pass');
	});

	it('a page is kept only when it is navigated to, not fetched as data', () => {
		expect(cacheRule(get('/en/home', 'cors'), assets)).toBe('pass');
	});

	it("names one cache per version and recognises the others' to delete", () => {
		expect(cacheName('v2')).toBe('rogatory-app-v2');
		expect(isOtherVersionsCache('rogatory-app-v1', 'v2')).toBe(true);
		expect(isOtherVersionsCache('rogatory-app-v2', 'v2')).toBe(false);
		expect(isOtherVersionsCache('someone-else', 'v2')).toBe(false);
	});

	it('keeps every signed-in page of a language once one of them is loaded, and their stand-in case page among them', () => {
		for (const page of ['/fr/home', '/fr/keys', '/fr/cases', '/fr/cases/new', `/fr/cases/${encodeURIComponent('!abc:mp.gt')}`])
			expect(signedInLocale(page), page).toBe('fr');
		for (const page of ['/fr', '/fr/sign-in', '/fr/cases/__data.json', '/fr/register', '/fr/admin/sessions', '/de/home'])
			expect(signedInLocale(page), page).toBeUndefined();
		const pages = signedInPages('pt');
		expect(pages).toEqual([
			'/pt/home',
			'/pt/keys',
			'/pt/cases',
			'/pt/cases/new',
			'/pt/cases/!shell',
			'/pt/directory',
			'/pt/directory/find',
			'/pt/directory/edit',
			'/pt/directory/entry',
		]);
		for (const page of pages) expect(cacheRule(get(page, 'navigate'), assets), page).toBe('page');
	});

	it('serves a case page offline from the stand-in of its language; no other page stands in for another', () => {
		expect(offlineStandIn('/ru/cases/!abc:mp.gt')).toBe('/ru/cases/!shell');
		expect(offlineStandIn(`/es/cases/${encodeURIComponent('!abc:mp.gt')}`)).toBe('/es/cases/!shell');
		for (const page of [
			'/en/home',
			'/en/cases',
			'/en/cases/new',
			'/en/cases/__data.json',
			'/en/register',
			'/en/cases/!abc/x',
			'/en/directory',
		])
			expect(offlineStandIn(page), page).toBeUndefined();
		expect(offlineStandIn('/fr/directory/entry')).toBe('/fr/directory/entry');
	});
});
