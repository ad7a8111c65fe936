// The rogatory command as a real process: exit codes, stdout that is only
// JSON, and a one-line reason on stderr — through Node directly and through
// scripts/bootstrap.sh, which `npm run -s rogatory` uses.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const node = (...args: string[]) => spawnSync(process.execPath, ['scripts/rogatory.ts', ...args], { cwd: root, encoding: 'utf8' });

describe('rogatory as a process', () => {
	it('prints the rules as one JSON array and exits 0', () => {
		const result = node('rules');
		expect([result.status, result.stderr]).toEqual([0, '']);
		expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
	});

	it('prints one deadline object and exits 0', () => {
		const result = node('deadline', '--rule', 'us-2703f', '--start', '2026-09-01T12:00-04:00');
		expect([result.status, result.stderr]).toEqual([0, '']);
		expect(JSON.parse(result.stdout)).toEqual({
			rule: 'us-2703f',
			citation: '18 U.S.C. § 2703(f)(2)',
			expires: '2026-11-30T23:59:59.999-05:00',
			zone: 'America/New_York',
			extensionsLeft: 1,
		});
	});

	it.each([
		[['deadline', '--rule', 'nope', '--start', '2026-03-01T10:00Z'], /unknown rule "nope"/],
		[['deadline', '--rule', 'us-2703f', '--start', '2026-02-30T10:00Z'], /has no day 30/],
		[['deadline', '--rule', 'us-2703f', '--start', '2026-03-01T10:00'], /no UTC offset/],
		[['deadline', '--rule', 'us-2703f', '--start', '2026-03-01T10:00Z', '--zone', 'Nowhere/Land'], /not an IANA time zone/],
		[['deadline', '--rule', 'us-2703f', '--start', '2026-03-01T10:00Z', '--extensions', '2'], /allows one extension, not 2/],
	])('exits 2 with one line on stderr and nothing on stdout: %j', (args, reason) => {
		const result = node(...args);
		expect([result.status, result.stdout]).toEqual([2, '']);
		expect(result.stderr).toMatch(reason);
		expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
	});

	it('through scripts/bootstrap.sh, stdout holds only the JSON', () => {
		const result = spawnSync('sh', ['scripts/bootstrap.sh', 'rogatory', 'rules'], { cwd: root, encoding: 'utf8' });
		expect(result.status).toBe(0);
		expect((JSON.parse(result.stdout) as unknown[]).length).toBeGreaterThan(0);
	});
});

describe('rogatory directory check as a process', () => {
	const scratch = mkdtempSync(join(tmpdir(), 'rogatory-vcard-'));
	afterAll(() => rmSync(scratch, { recursive: true, force: true }));

	const check = (file: string) => node('directory', 'check', '--roster', 'deploy/roster/default.yaml', file);

	it('says so on stderr when it checks against the demo roster because no other was given', () => {
		const result = node('directory', 'check', 'tests/fixtures/directory/sample.vcf');
		expect(result.status).toBe(0);
		expect(result.stderr).toMatch(/^rogatory: checking against the demo roster .*--roster <file>/);
	});

	it('prints the sample as a JSON array of jCards and exits 0', () => {
		const result = check('tests/fixtures/directory/sample.vcf');
		expect([result.status, result.stderr]).toEqual([0, '']);
		const cards = JSON.parse(result.stdout) as unknown[][];
		expect(cards.length).toBeGreaterThanOrEqual(5);
		expect(cards.every((card) => card[0] === 'vcard')).toBe(true);
	});

	it('prints a malformed file’s refusal as file:line: card N: reason and exits 2, nothing on stdout', () => {
		const file = 'tests/fixtures/directory/malformed/unknown-role.vcf';
		const result = check(file);
		expect([result.status, result.stdout]).toEqual([2, '']);
		expect(result.stderr).toBe(
			`${file}:31: card 3: ROLE "judge" is not one of prosecutor, central-authority-officer, focal-point, focal-point-24-7, secretariat\n`,
		);
	});

	it.each([
		['missing.vcf', () => undefined, /cannot read .*missing\.vcf: ENOENT/],
		[
			'latin1.vcf',
			(path: string) => writeFileSync(path, Buffer.from('BEGIN:VCARD\r\nFN:L\xf3pez\r\nEND:VCARD\r\n', 'latin1')),
			/latin1\.vcf is not UTF-8 text/,
		],
		['huge.vcf', (path: string) => (writeFileSync(path, ''), truncateSync(path, 5 * 1024 * 1024 + 1)), /huge\.vcf is larger than 5 MB/],
	])('refuses %s in one line on stderr, exit 2', (name, make, reason) => {
		const file = join(scratch, name);
		make(file);
		const result = check(file);
		expect([result.status, result.stdout]).toEqual([2, '']);
		expect(result.stderr).toMatch(reason);
		expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
	});
});
