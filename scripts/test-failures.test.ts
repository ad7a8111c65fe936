import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFailure, firstLine, playwrightFailures, vitestFailures } from './test-failures.ts';

const dir = mkdtempSync(join(tmpdir(), 'rogatory-failures-'));
function report(name: string, body: unknown): string {
	const path = join(dir, name);
	writeFileSync(path, JSON.stringify(body));
	return path;
}

describe('the failures named at the end of npm test', () => {
	it('names each failed vitest test by file and full name, with its first error line', () => {
		const path = report('vitest.json', {
			testResults: [
				{
					name: '/repo/bridge/a.test.ts',
					status: 'passed',
					assertionResults: [{ fullName: 'a works', status: 'passed', failureMessages: [] }],
				},
				{
					name: '/repo/bridge/b.test.ts',
					status: 'failed',
					assertionResults: [
						{ fullName: 'b one', status: 'passed', failureMessages: [] },
						{
							fullName: 'b two',
							status: 'failed',
							failureMessages: ['\u001b[31mAssertionError: expected 1 to be 2\u001b[39m\n    at b.test.ts:3'],
						},
					],
				},
				{ name: '/repo/bridge/c.test.ts', status: 'failed', message: 'Error: Hook timed out in 10000ms\nmore', assertionResults: [] },
			],
		});
		expect(vitestFailures(path, '/repo')).toEqual([
			{ file: 'bridge/b.test.ts', title: 'b two', reason: 'AssertionError: expected 1 to be 2' },
			{ file: 'bridge/c.test.ts', title: '(the file itself)', reason: 'Error: Hook timed out in 10000ms' },
		]);
	});

	it('names each unexpected Playwright test, in nested suites, with the last attempt’s error', () => {
		const path = report('playwright.json', {
			suites: [
				{
					specs: [{ file: 'e2e/a.e2e.ts', title: 'passes', tests: [{ status: 'expected', results: [{ errors: [] }] }] }],
					suites: [
						{
							specs: [
								{
									file: 'e2e/b.e2e.ts',
									title: 'fails',
									tests: [
										{
											status: 'unexpected',
											results: [
												{ errors: [{ message: 'first try' }] },
												{ errors: [{ message: '\nError: toBeVisible failed\nLocator: x' }] },
											],
										},
									],
								},
								{ file: 'e2e/c.e2e.ts', title: 'flaky', tests: [{ status: 'flaky', results: [] }] },
							],
						},
					],
				},
			],
			errors: [{ message: 'Error: global setup failed' }],
		});
		expect(playwrightFailures(path)).toEqual([
			{ file: 'e2e/b.e2e.ts', title: 'fails', reason: 'Error: toBeVisible failed' },
			{ file: '', title: '(outside any test)', reason: 'Error: global setup failed' },
		]);
	});

	it('says so when a report is missing or unreadable', () => {
		const broken = report('broken.json', 'not json');
		writeFileSync(broken, '{');
		expect(vitestFailures(join(dir, 'missing.json'), dir)).toEqual([{ file: 'missing.json', title: 'no report was written', reason: '' }]);
		expect(playwrightFailures(broken)[0]?.title).toBe('no report was written');
	});

	it('keeps one line, short, and prints file › title with the reason beneath', () => {
		expect(firstLine(`\n\n  ${'x'.repeat(300)}\nnext`)).toHaveLength(200);
		expect(describeFailure({ file: 'a.ts', title: 't', reason: 'r' })).toBe('  ✗ a.ts › t\n      r');
		expect(describeFailure({ file: '', title: '(outside any test)', reason: '' })).toBe('  ✗ (outside any test)');
	});
});
