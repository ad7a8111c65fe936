// Names what failed, from the JSON reports of vitest and Playwright, so the
// last lines of `npm test` — all a CI log may keep — say which test to open.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

export interface Failure {
	file: string;
	title: string;
	/** The first line of the first error, cut short; empty when the report gives none. */
	reason: string;
}

type Json = Record<string, unknown>;

function read(path: string): Json | undefined {
	if (!existsSync(path)) return undefined;
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as Json;
	} catch {
		return undefined;
	}
}

const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The first non-empty line, without terminal colours, at most 200 characters. */
export function firstLine(message: string): string {
	// eslint-disable-next-line no-control-regex -- terminal colour codes are what is removed
	const plain = message.replace(/\u001b\[[0-9;]*m/g, '');
	const line = plain.split('\n').find((l) => l.trim() !== '') ?? '';
	const trimmed = line.trim();
	return trimmed.length > 200 ? `${trimmed.slice(0, 199)}…` : trimmed;
}

/** vitest's json reporter: each failed test, and each file that failed outside any test. */
export function vitestFailures(path: string, root: string): Failure[] {
	const report = read(path);
	if (report === undefined) return [{ file: relative(root, path), title: 'no report was written', reason: '' }];
	const failures: Failure[] = [];
	for (const file of list(report['testResults'])) {
		const name = relative(root, text(file['name']));
		const failed = list(file['assertionResults']).filter((test) => test['status'] === 'failed');
		for (const test of failed) {
			const messages = list(test['failureMessages']) as unknown[];
			failures.push({ file: name, title: text(test['fullName']), reason: firstLine(text(messages[0])) });
		}
		if (failed.length === 0 && file['status'] === 'failed')
			failures.push({ file: name, title: '(the file itself)', reason: firstLine(text(file['message'])) });
	}
	return failures;
}

/** Playwright's json reporter: each test whose outcome was unexpected. */
export function playwrightFailures(path: string): Failure[] {
	const report = read(path);
	if (report === undefined) return [{ file: path, title: 'no report was written', reason: '' }];
	const failures: Failure[] = [];
	const walk = (suite: Json): void => {
		for (const spec of list(suite['specs'])) {
			for (const test of list(spec['tests'])) {
				if (test['status'] !== 'unexpected') continue;
				const results = list(test['results']);
				const errors = list(results[results.length - 1]?.['errors']);
				failures.push({ file: text(spec['file']), title: text(spec['title']), reason: firstLine(text(errors[0]?.['message'])) });
			}
		}
		for (const child of list(suite['suites'])) walk(child);
	};
	for (const suite of list(report['suites'])) walk(suite);
	for (const error of list(report['errors']))
		failures.push({ file: '', title: '(outside any test)', reason: firstLine(text(error['message'])) });
	return failures;
}

export function describeFailure(failure: Failure): string {
	const where = failure.file === '' ? failure.title : `${failure.file} › ${failure.title}`;
	return failure.reason === '' ? `  ✗ ${where}` : `  ✗ ${where}\n      ${failure.reason}`;
}
