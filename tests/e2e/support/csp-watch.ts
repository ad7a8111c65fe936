// Every Content-Security-Policy violation a browser context reports, on
// every page it loads: a `securitypolicyviolation` listener installed before
// any of the page's own script runs (an init script), reporting through a
// binding so that nothing is lost when the page navigates. Trusted Types
// violations arrive the same way. Chromium also logs each violation as a
// console error, which the tests' console watch (watch.ts) catches too.
import type { BrowserContext } from '@playwright/test';

export interface Violation {
	readonly directive: string;
	readonly blocked: string;
	readonly sample: string;
	readonly page: string;
	readonly disposition: string;
}

export interface CspWatch {
	readonly violations: Violation[];
}

const BINDING = '__rogatoryCspViolation';

export async function watchCsp(context: BrowserContext): Promise<CspWatch> {
	const watch: CspWatch = { violations: [] };
	await context.exposeBinding(BINDING, (_source, violation: Violation) => void watch.violations.push(violation));
	await context.addInitScript((binding: string) => {
		document.addEventListener(
			'securitypolicyviolation',
			(event) => {
				const report = (globalThis as unknown as Record<string, (v: unknown) => void>)[binding];
				report?.({
					directive: event.effectiveDirective,
					blocked: event.blockedURI,
					sample: event.sample,
					page: location.href,
					disposition: event.disposition,
				});
			},
			{ capture: true },
		);
	}, BINDING);
	return watch;
}
