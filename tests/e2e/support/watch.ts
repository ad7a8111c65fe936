// What a browser context did that a test must check: every request it made
// (to prove nothing left loopback), console errors and uncaught page errors.
// A console error that is the browser reporting an HTTP error status the test
// provoked on purpose (a wrong password's 403) can be expected by URL; any
// other stays an error.
import type { BrowserContext, Page } from '@playwright/test';

export interface Watch {
	readonly requests: string[];
	readonly consoleErrors: string[];
	readonly pageErrors: string[];
	/** Console errors that are the browser logging an HTTP error status for `url` (exactly this URL) are expected. */
	expectHttpErrorFrom(url: string): void;
	watchPage(page: Page): void;
}

export function watchContext(context: BrowserContext): Watch {
	const expected = new Set<string>();
	const seen: Watch = {
		requests: [],
		consoleErrors: [],
		pageErrors: [],
		expectHttpErrorFrom: (url) => void expected.add(url),
		watchPage(page) {
			page.on('console', (message) => {
				if (message.type() !== 'error') return;
				const where = message.location().url;
				if (message.text().startsWith('Failed to load resource: the server responded with a status of') && expected.has(where)) return;
				seen.consoleErrors.push(`${message.text()} (${where})`);
			});
			page.on('pageerror', (error) => seen.pageErrors.push(error.stack ?? error.message));
		},
	};
	context.on('request', (request) => seen.requests.push(request.url()));
	context.on('page', (page) => seen.watchPage(page));
	for (const page of context.pages()) seen.watchPage(page);
	return seen;
}
