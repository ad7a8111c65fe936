// Reads the JSON reports of vitest and Playwright so `npm test` can end on
// one plain line, "Tests: N passed, N failed", whatever ran.
import { existsSync, readFileSync } from 'node:fs';

export interface Counts {
	passed: number;
	failed: number;
	skipped: number;
}

export const none = (): Counts => ({ passed: 0, failed: 0, skipped: 0 });

export function add(total: Counts, more: Counts): void {
	total.passed += more.passed;
	total.failed += more.failed;
	total.skipped += more.skipped;
}

function read(path: string): Record<string, unknown> | undefined {
	if (!existsSync(path)) return undefined;
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
	} catch {
		return undefined;
	}
}

const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** vitest's json reporter; a missing or unreadable report counts as one failure. */
export function vitestCounts(path: string): Counts {
	const report = read(path);
	if (report === undefined) return { passed: 0, failed: 1, skipped: 0 };
	return {
		passed: num(report['numPassedTests']),
		failed: num(report['numFailedTests']) + (report['success'] === false && num(report['numFailedTests']) === 0 ? 1 : 0),
		skipped: num(report['numPendingTests']) + num(report['numTodoTests']),
	};
}

/** Playwright's json reporter; a missing or unreadable report counts as one failure. */
export function playwrightCounts(path: string): Counts {
	const stats = read(path)?.['stats'] as Record<string, unknown> | undefined;
	if (stats === undefined) return { passed: 0, failed: 1, skipped: 0 };
	return { passed: num(stats['expected']) + num(stats['flaky']), failed: num(stats['unexpected']), skipped: num(stats['skipped']) };
}
