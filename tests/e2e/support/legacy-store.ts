// Makes, in a test's browser, the crypto store an earlier version of the app
// left behind: the same Rust crypto package the app ships
// (@matrix-org/matrix-sdk-crypto-wasm), opened the way matrix-js-sdk's
// initRustCrypto opened it before storage keys — StoreHandle.open(prefix)
// with no key — and an OlmMachine made in it for the given user and device.
// It runs on a page of the app's origin (same IndexedDB) that the test
// serves itself through a route, so nothing of it is in the app.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { CRYPTO_DB_PREFIX } from '../../../web/src/lib/matrix/stored-session.ts';

// NOTE: the package exports no package.json; its main entry (node.cjs) sits at its root.
const PACKAGE = dirname(createRequire(import.meta.url).resolve('@matrix-org/matrix-sdk-crypto-wasm'));
const BASE = '/__legacy-crypto-store/';

const MAKER = `<!doctype html><title>making</title><script type="module">
import { initAsync, StoreHandle, OlmMachine, UserId, DeviceId } from './crypto/index.mjs';
const params = new URLSearchParams(location.search);
await initAsync();
const store = await StoreHandle.open(params.get('prefix'), null);
const machine = await OlmMachine.initFromStore(new UserId(params.get('user')), new DeviceId(params.get('device')), store);
machine.close();
store.free();
document.title = 'made';
</script>`;

const TYPES: Readonly<Record<string, string>> = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm' };

export async function makeUnkeyedCryptoStore(page: Page, origin: string, owner: { userId: string; deviceId: string }): Promise<void> {
	const pattern = `${origin}${BASE}**`;
	await page.route(pattern, async (route) => {
		const path = new URL(route.request().url()).pathname.slice(BASE.length);
		if (path === '') return route.fulfill({ contentType: 'text/html', body: MAKER });
		const file = normalize(join(PACKAGE, path.replace(/^crypto\//, '')));
		if (!file.startsWith(PACKAGE)) return route.fulfill({ status: 404 });
		const type = TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
		return route.fulfill({ contentType: type, body: await readFile(file) });
	});
	const query = new URLSearchParams({ prefix: CRYPTO_DB_PREFIX, user: owner.userId, device: owner.deviceId });
	await page.goto(`${origin}${BASE}?${query.toString()}`);
	await expect(page).toHaveTitle('made');
	await page.unroute(pattern);
}
