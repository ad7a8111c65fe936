// End-to-end tests: Playwright driving Debian's Chromium (never a browser of
// Playwright's own) against a web app and federation that the test
// orchestrator has already started; it names the app in ROGATORY_WEB_URL.
// Test files are tests/e2e/**/*.e2e.ts and the attacking tests
// tests/security/**/*.e2e.ts, a pattern vitest does not pick up.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/chromium-launch.ts';

export default defineConfig({
	testDir: 'tests',
	testMatch: '{e2e,security}/**/*.e2e.ts',
	outputDir: 'test-results',
	// Two cores, one federation: tests run one at a time.
	workers: 1,
	fullyParallel: false,
	forbidOnly: process.env['CI'] !== undefined,
	retries: 0,
	timeout: 90_000,
	expect: { timeout: 30_000 },
	reporter: [['list']],
	use: {
		...(process.env['ROGATORY_WEB_URL'] ? { baseURL: process.env['ROGATORY_WEB_URL'] } : {}),
		browserName: 'chromium',
		locale: 'en-GB',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
	},
});
