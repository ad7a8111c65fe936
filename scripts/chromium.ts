// Debian's Chromium drives the end-to-end tests; Playwright never downloads a
// browser of its own. When it is missing and we are root (CI), install it
// from Debian's packages; otherwise say how.
import { existsSync } from 'node:fs';
import { err, ok, type Result } from '../policies/result.ts';
import { run } from './child.ts';

import { CHROMIUM_PATH as CHROMIUM } from '../tests/support/chromium-launch.ts';

export async function ensureChromium(): Promise<Result<string, string>> {
	if (existsSync(CHROMIUM)) return ok(CHROMIUM);
	const root = process.getuid?.() === 0;
	if (root && existsSync('/usr/bin/apt-get')) {
		console.log("rogatory: installing Debian's chromium package for the end-to-end tests (once only)");
		const env = { DEBIAN_FRONTEND: 'noninteractive' };
		if (
			(await run('apt-get', ['update', '-qq'], env)) === 0 &&
			(await run('apt-get', ['install', '-y', '-qq', 'chromium'], env)) === 0 &&
			existsSync(CHROMIUM)
		)
			return ok(CHROMIUM);
	}
	return err(
		`Chromium is missing at ${CHROMIUM}; the end-to-end tests drive Debian's Chromium and never download a browser. Install it (Debian/Ubuntu: sudo apt-get install chromium), then run npm test again.`,
	);
}
