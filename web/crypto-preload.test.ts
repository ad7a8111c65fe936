import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cryptoWasmPath, needsCrypto, preloadLink } from './crypto-preload.ts';

const dir = mkdtempSync(join(tmpdir(), 'rogatory-preload-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cryptoWasmPath', () => {
	it('finds the hashed WASM among the build’s assets, and nothing in a build without it', () => {
		const assets = join(dir, 'build', 'client', '_app', 'immutable', 'assets');
		mkdirSync(assets, { recursive: true });
		for (const name of ['app.B1.css', 'matrix_sdk_crypto_wasm_bg.DQQaknxI.wasm.br', 'matrix_sdk_crypto_wasm_bg.DQQaknxI.wasm'])
			writeFileSync(join(assets, name), '');
		expect(cryptoWasmPath(join(dir, 'build'))).toBe('/_app/immutable/assets/matrix_sdk_crypto_wasm_bg.DQQaknxI.wasm');
		expect(cryptoWasmPath(join(dir, 'nowhere'))).toBeUndefined();
	});
});

describe('needsCrypto', () => {
	it('is asked for by sign-in and the signed-in pages, in any language', () => {
		for (const url of ['/en/sign-in', '/sign-in', '/ru/home', '/fr/keys', '/es/cases', '/pt/cases/new', '/en/cases/!abc%3Ahs?x=1'])
			expect(needsCrypto('GET', url), url).toBe(true);
	});

	it('is not asked for by other pages, route data, the API, assets or the Matrix proxy', () => {
		for (const url of [
			'/',
			'/en',
			'/en/register',
			'/en/sign-out',
			'/en/cases/__data.json',
			'/api/session',
			'/_app/immutable/x.js',
			'/matrix/hs/_matrix/client/v3/sync',
			'/en/homework',
		])
			expect(needsCrypto('GET', url), url).toBe(false);
		expect(needsCrypto('POST', '/en/sign-in')).toBe(false);
	});

	it('writes a preload the package’s own fetch can take', () => {
		expect(preloadLink('/_app/immutable/assets/w.wasm')).toBe(
			'</_app/immutable/assets/w.wasm>; rel=preload; as=fetch; type="application/wasm"; crossorigin',
		);
	});
});
