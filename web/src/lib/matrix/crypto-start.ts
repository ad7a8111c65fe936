// Starts the Rust crypto's WebAssembly — its download (1.4 MB on the wire)
// and compilation — the moment a page knows it will need it: while the
// person types their password, or as a signed-in page resumes its session.
// Without this the WASM is requested only at the end of a chain of imports
// the SDK makes one after another (the SDK, its rust-crypto module, the
// crypto package) once the client is created: seconds of a slow line spent
// waiting. NOTE: the package keeps the one load it started (its initAsync),
// and the SDK's initRustCrypto awaits that same load instead of starting
// another; it is the same module the SDK imports (one resolution of the package).

let starting: Promise<boolean> | undefined;

/** Starts loading the crypto once per page; resolves to whether it loaded (the SDK reports its own failure later). */
export function startCrypto(): Promise<boolean> {
	starting ??= import('@matrix-org/matrix-sdk-crypto-wasm')
		.then(
			(wasm) => wasm.initAsync().then(() => true),
			() => false,
		)
		.catch(() => false);
	return starting;
}
