// The crypto's WebAssembly as the browser gets it: without its `name`
// section, 3 of its 7.8 MB (the Rust function names, for debuggers and
// stack traces), 156 KB less over the line once compressed — a second on a
// 1.6 Mbit/s line (issue 11; docs/decisions.md). The stripped size is the
// sign-in page's download-progress total (web/src/lib/matrix/crypto-start.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { withoutCustomSections } from './wasm-sections.ts';

const ASSET = /(?:^|\/)matrix_sdk_crypto_wasm_bg\.[\w-]+\.wasm$/;
const DROPPED = ['name'];

function cryptoWasm(): Uint8Array {
	const pkg = dirname(createRequire(import.meta.url).resolve('@matrix-org/matrix-sdk-crypto-wasm'));
	const stripped = withoutCustomSections(readFileSync(join(pkg, 'pkg', 'matrix_sdk_crypto_wasm_bg.wasm')), DROPPED);
	if (!stripped.ok) throw new Error(`the crypto package's .wasm could not be read: ${stripped.error}`);
	return stripped.value;
}

export function cryptoWasmPlugin(): Plugin {
	const wasm = cryptoWasm();
	return {
		name: 'rogatory:crypto-wasm',
		config: () => ({ define: { __CRYPTO_WASM_BYTES__: JSON.stringify(wasm.length) } }),
		generateBundle(_options, bundle) {
			for (const file of Object.values(bundle))
				if (file.type === 'asset' && ASSET.test(file.fileName)) {
					const source = file.source instanceof Uint8Array ? file.source : new TextEncoder().encode(file.source);
					const stripped = withoutCustomSections(source, DROPPED);
					if (!stripped.ok) this.error(`${file.fileName}: ${stripped.error}`);
					file.source = stripped.value;
				}
		},
	};
}
