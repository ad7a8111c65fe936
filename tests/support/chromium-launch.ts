// How Rogatory launches Debian's Chromium, for Playwright's tests and the
// benchmarks alike: the system binary (never a downloaded browser) and flags
// that keep it from calling home — without the background-networking ones it
// floods a closed network with refused connections.
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
