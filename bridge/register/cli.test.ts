import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomId } from '../../policies/cases/index.ts';
import { ANA, envelope, OPENED } from '../../policies/cases/testing/fixtures.ts';
import { demoRoster, KAZAKHSTAN } from '../../policies/roster/demo.ts';
import { runCli, type CliOutcome } from './cli-commands.ts';
import { batch, inRoom, MLA_HISTORY, must, open, OTHER_HISTORY, tempDir } from './testing.ts';

let temp: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
	temp = tempDir();
	file = temp.file('r.db');
	const register = open(file);
	must(register.ingest(batch(MLA_HISTORY)));
	register.close();
});
afterEach(() => temp.cleanup());

const NOW = new Date(Date.UTC(2026, 3, 1, 3, 0));
const run = (...argv: string[]) => runCli(argv, demoRoster, NOW);

function expectFailure(outcome: CliOutcome, reason: RegExp): void {
	expect(outcome.code).toBe(2);
	expect(outcome.stdout).toBe('');
	expect(outcome.stderr).toMatch(reason);
	expect(outcome.stderr.trimEnd()).not.toContain('\n');
}

describe('register CLI', () => {
	it('verifies: 0 when intact, 1 naming the broken row, 2 when the file is missing', () => {
		expect(run('verify', file)).toEqual({ code: 0, stdout: `register ${file}: intact (11 rows)\n`, stderr: '' });
		const raw = new Database(file);
		raw.prepare("UPDATE event_log SET sender = '@mallory:x.org' WHERE seq = 4").run();
		raw.close();
		const broken = run('verify', file);
		expect(broken).toMatchObject({ code: 1, stdout: '' });
		expect(broken.stderr).toMatch(/^register .*: broken at seq 4 \(\$t2\): its hash does not match its fields: the row was altered\n$/);
		expectFailure(run('verify', temp.file('none.db')), /none\.db.*SQLITE_CANTOPEN/);
	});

	it('exports CSV and JSON, and refuses an unknown format', () => {
		expect(run('export', '--format', 'csv', file).stdout).toMatch(/^"room_id","kind",/);
		expect(run('export', '--format', 'csv', '--table', 'transitions', file).stdout).toMatch(/^"room_id","position","event_id",/);
		expect(JSON.parse(run('export', '--format', 'json', file).stdout)).toMatchObject({ cases: [{ status: 'under-execution' }] });
		expectFailure(run('export', '--format', 'xml', file), /--format must be csv or json/);
		// What the register refused: the malformed event (its content) and the outsider's move (the case's rules).
		const refused = run('export', '--format', 'csv', '--table', 'refused', file).stdout.split('\r\n');
		expect(refused[0]).toBe('"at","room_id","event_id","sender","source","code","verification","reason"');
		expect(refused.filter((line) => line.includes(',"$x1",')).join()).toMatch(/,"rule","not-a-party",,/);
		expect(refused.filter((line) => line.includes(',"$bad",')).join()).toMatch(/,"content","malformed","cross-signed",/);
		expect(JSON.parse(run('export', '--format', 'json', file).stdout)).toMatchObject({
			refused: [{ event_id: '$x1' }, { event_id: '$bad' }],
		});
	});

	it('prints statistics for the named authority, overdue on the day in its legal time zone', () => {
		const stats = run('stats', '--authority', 'gt-mp', file);
		expect(stats.code).toBe(0);
		// 1 April 2026, 03:00 UTC is still 31 March in Guatemala: respondBy 2026-03-31 is not past yet.
		expect(JSON.parse(stats.stdout)).toMatchObject({ total: 1, byCounterpartCountry: { NG: 1 }, overdue: { total: 0 } });
		expect(JSON.parse(run('stats', '--authority', 'ng-ca', file).stdout)).toMatchObject({
			byCounterpartCountry: { GT: 1 },
			overdue: { total: 1 },
		});
		expectFailure(run('stats', file), /--authority/);
	});

	it('tells the register’s authority from the cases when one authority is a party to all', () => {
		const register = open(file);
		const third = inRoom('!third:matrix.mp.gt.rogatory.example' as RoomId, [
			envelope('$open-c', ANA, 1000, { ...OPENED, requested: KAZAKHSTAN.id }),
		]);
		must(register.ingest(batch([...OTHER_HISTORY, ...third])));
		register.close();
		expect(JSON.parse(run('stats', file).stdout)).toMatchObject({
			total: 3,
			bySide: { requesting: 2, requested: 1 },
			byNetwork: { CASC: 1, WACAP: 2 },
		});
	});

	it('answers a wrong command line with the usage, exit 2', () => {
		expectFailure(run('frob', file), /^unknown command "frob"; usage:/);
		expectFailure(run('verify'), /^usage:/);
		expect(run('verify', file, 'extra')).toMatchObject({ code: 2 });
		expect(run('--bogus', 'verify', file)).toMatchObject({ code: 2 });
	});

	it('runs on Node as `node bridge/register/cli.ts verify <file>`, with its exit code', () => {
		const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
		const ok = spawnSync(process.execPath, [cli, 'verify', file], { encoding: 'utf8' });
		expect([ok.status, ok.stdout]).toEqual([0, `register ${file}: intact (11 rows)\n`]);
		const missing = spawnSync(process.execPath, [cli, 'verify', temp.file('none.db')], { encoding: 'utf8' });
		expect(missing.status).toBe(2);
	});
});
