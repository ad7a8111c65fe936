import { describe, expect, it } from 'vitest';
import { forgetKeptPages, isKeptPage } from './kept-pages.ts';

const at = (path: string) => `https://rogatory.mp.gt${path}`;

describe('forgetting kept pages at sign-out', () => {
	it("tells the pages and their data from the build's files", () => {
		for (const page of ['/en', '/en/home', '/ru/cases/!abc:mp.gt', '/en/cases/__data.json']) expect(isKeptPage(at(page)), page).toBe(true);
		for (const file of [
			'/_app/immutable/entry/start.abc.js',
			'/_app/immutable/assets/crypto.1a.wasm',
			'/favicon.svg',
			'/_app/version.json',
		])
			expect(isKeptPage(at(file)), file).toBe(false);
	});

	it("deletes the pages from every version's cache of the app, and nothing else", async () => {
		const caches = new Map<string, string[]>([
			['rogatory-app-v1', [at('/en/home'), at('/_app/immutable/a.js')]],
			['rogatory-app-v2', [at('/en/cases/__data.json'), at('/favicon.svg'), at('/fr/cases')]],
			['someone-else', [at('/en/home')]],
		]);
		const cacheOf = (name: string) =>
			({
				keys: () => Promise.resolve((caches.get(name) ?? []).map((url) => ({ url }))),
				delete: (request: { url: string }) => {
					caches.set(
						name,
						(caches.get(name) ?? []).filter((url) => url !== request.url),
					);
					return Promise.resolve(true);
				},
			}) as unknown as Cache;
		await forgetKeptPages({ keys: () => Promise.resolve([...caches.keys()]), open: (name: string) => Promise.resolve(cacheOf(name)) });
		expect(Object.fromEntries(caches)).toEqual({
			'rogatory-app-v1': [at('/_app/immutable/a.js')],
			'rogatory-app-v2': [at('/favicon.svg')],
			'someone-else': [at('/en/home')],
		});
	});
});
