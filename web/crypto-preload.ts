// The crypto's WebAssembly (1.4 MB on the wire, the largest thing a first
// visit downloads) asked for by the pages that need it — sign-in and the
// signed-in pages — in the answer's own headers: `Link: <…wasm>;
// rel=preload; as=fetch; crossorigin`. The browser starts the download as
// the headers arrive, before the page's HTML, scripts and the chain of
// imports that would otherwise ask for it (crypto-start.ts, the SDK); the
// package's own fetch of the same URL (same-origin, credentials
// same-origin: what `crossorigin` means here) then takes the preloaded
// answer. The file's name carries its hash, so it is found in the build at
// start, not built in.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const ASSETS = join('client', '_app', 'immutable', 'assets');
const WASM = /^matrix_sdk_crypto_wasm_bg\.[\w-]+\.wasm$/;

/** The WASM's URL path in a build folder, or undefined when the build has none (or is not there). */
export function cryptoWasmPath(build: string): string | undefined {
	let names: string[];
	try {
		names = readdirSync(join(build, ASSETS));
	} catch {
		return undefined;
	}
	const name = names.find((file) => WASM.test(file));
	return name === undefined ? undefined : `/_app/immutable/assets/${name}`;
}

/**
 * The pages that start the crypto at once: sign-in (while the person types)
 * and the signed-in pages (home, keys, the requests and cases), with or
 * without a language prefix; never their route data or anything else.
 */
const CRYPTO_PAGE = /^(?:\/[a-z]{2}(?:-[A-Za-z]{2})?)?\/(?:sign-in|home|keys|cases)(?:\/[^?]*)?(?:\?.*)?$/;

export function needsCrypto(method: string | undefined, rawUrl: string | undefined): boolean {
	if ((method !== 'GET' && method !== 'HEAD') || rawUrl === undefined) return false;
	return CRYPTO_PAGE.test(rawUrl) && !rawUrl.split('?')[0]!.endsWith('/__data.json');
}

export const preloadLink = (path: string): string => `<${path}>; rel=preload; as=fetch; type="application/wasm"; crossorigin`;
