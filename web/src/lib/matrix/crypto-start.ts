// Starts the Rust crypto's WebAssembly — its download (1.4 MB on the wire)
// and compilation — the moment a page knows it will need it: while the
// person types their password, or as a signed-in page resumes its session.
// Without this the WASM is requested only at the end of a chain of imports
// the SDK makes one after another (the SDK, its rust-crypto module, the
// crypto package) once the client is created: seconds of a slow line spent
// waiting. NOTE: the package keeps the one load it started (its initAsync),
// and the SDK's initRustCrypto awaits that same load instead of starting
// another; it is the same module the SDK imports (one resolution of the package).
// The web server also names the .wasm in the page's headers (web/crypto-preload.ts),
// so its download begins before this module runs; here it is compiled. The
// SDK's own rust-crypto module (the second link of the chain) is fetched
// alongside: the same module the SDK imports when the client starts its
// crypto, not a second copy of the SDK.
import { DownloadWatch } from './crypto-download.ts';

/** The .wasm file's size, set at build (vite.config.ts); unknown where no build set it (unit tests). */
declare const __CRYPTO_WASM_BYTES__: number | undefined;

/** How far the download has come, for the pages' progress bar (only when the start asked to count it). */
export const cryptoDownload = new DownloadWatch(typeof __CRYPTO_WASM_BYTES__ === 'number' ? __CRYPTO_WASM_BYTES__ : undefined);

type CryptoPackage = typeof import('@matrix-org/matrix-sdk-crypto-wasm');

/**
 * The package's initAsync with its download counted. NOTE: the package calls
 * fetch(url) synchronously inside initAsync, before its first await, so
 * `fetch` is wrapped for exactly that call and restored before anything
 * else can run. Its answer is handed to the compiler as it streams, counted.
 */
function initCounted(wasm: CryptoPackage): Promise<void> {
	const original = globalThis.fetch;
	globalThis.fetch = (input, init) => original.call(globalThis, input, init).then((response) => cryptoDownload.counted(response));
	try {
		return wasm.initAsync();
	} finally {
		globalThis.fetch = original;
	}
}

let starting: Promise<boolean> | undefined;

/**
 * Starts loading the crypto once per page; resolves to whether it loaded (the SDK reports its own failure later).
 * `counted`: report the download's progress (the sign-in page's first time; a later visit has it cached).
 */
export function startCrypto(options: { readonly counted?: boolean } = {}): Promise<boolean> {
	if (starting === undefined) void import('matrix-js-sdk/lib/rust-crypto/index.js').catch(() => undefined);
	starting ??= import('@matrix-org/matrix-sdk-crypto-wasm')
		.then(
			(wasm) => (options.counted === true ? initCounted(wasm) : wasm.initAsync()).then(() => true),
			() => false,
		)
		.catch(() => false);
	return starting;
}
