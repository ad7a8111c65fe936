import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomId } from '../../policies/cases/index.ts';
import { ANA, envelope, OPENED, ROOM as ROOM_ID, TUNDE } from '../../policies/cases/testing/fixtures.ts';
import { err, ok } from '../../policies/result.ts';
import { demoRoster, KAZAKHSTAN, NIGERIA } from '../../policies/roster/testing/demo.ts';
import { BREAKAGES, brokenDeployment } from '../../tests/support/broken-deployment.ts';
import { runCli, runCliAsync, type CliOutcome, type ReadCliDeployment, type ReadHistory } from './cli-commands.ts';
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
/** The deployment as the files would give it: the demo roster, Nigeria's site with its register at `site.sqlite`. */
let asked: { roster?: string | undefined; site?: string | undefined }[] = [];
const deployment: ReadCliDeployment = (flags) => {
	asked.push(flags);
	return ok({ roster: demoRoster, authority: NIGERIA.id, registerFile: file });
};
beforeEach(() => {
	asked = [];
});
const run = (...argv: string[]) => runCli(argv, deployment, NOW);

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
		expectFailure(run(), /^usage:/);
		expect(run('verify', file, 'extra')).toMatchObject({ code: 2 });
		expect(run('--bogus', 'verify', file)).toMatchObject({ code: 2 });
	});

	it('reads the site’s register and counts for the site’s authority when no file is named', () => {
		expect(run('verify', '--roster', 'r.yaml', '--site', 's.yaml')).toEqual({
			code: 0,
			stdout: `register ${file}: intact (11 rows)\n`,
			stderr: '',
		});
		expect(asked).toEqual([{ roster: 'r.yaml', site: 's.yaml' }]);
		// Nigeria is the requested party: 31 March has passed in Lagos at 03:00 UTC on 1 April.
		expect(JSON.parse(run('stats').stdout)).toMatchObject({ byCounterpartCountry: { GT: 1 }, overdue: { total: 1 } });
	});

	it('refuses a deployment it cannot read before opening any register', () => {
		const refused = runCli(
			['verify', temp.file('none.db')],
			() => err('rogatory register: cannot start: roster.yaml, line 3, version: broken.'),
			NOW,
		);
		expect(refused).toEqual({ code: 2, stdout: '', stderr: 'rogatory register: cannot start: roster.yaml, line 3, version: broken.\n' });
	});
});

describe('register CLI: verify --complete', () => {
	const history = MLA_HISTORY.map((e) => ({
		eventId: e.eventId,
		sender: e.sender,
		originServerTs: e.originServerTs,
		type: 'm.room.encrypted',
	}));
	let asked: Parameters<ReadHistory>[0][] = [];
	const reading =
		(events = history): ReadHistory =>
		(request) => {
			asked.push(request);
			return Promise.resolve(ok({ events, readAt: NOW.getTime() }));
		};
	const complete = (history: ReadHistory, ...argv: string[]) => runCliAsync(argv, deployment, history, NOW);
	beforeEach(() => {
		asked = [];
	});

	it('passes when the register holds every event of the room, chat included, reading it as the site’s bridge', async () => {
		expect(await complete(reading(), 'verify', '--complete', ROOM_ID, '--config', 'c.json', file)).toEqual({
			code: 0,
			stdout: `register ${file}: room ${ROOM_ID} complete: 12 events, all seen\n`,
			stderr: '',
		});
		expect(asked.map((a) => [a.room, a.config, a.deployment.registerFile])).toEqual([[ROOM_ID, 'c.json', file]]);
		// Without --complete, the synchronous commands as before.
		expect(await complete(reading(), 'verify', file)).toEqual(run('verify', file));
	});

	it('fails naming each event missing from the register, and each it holds that the homeserver did not return', async () => {
		const raw = new Database(file);
		raw.prepare("DELETE FROM seen_events WHERE event_id IN ('$chat', '$t3')").run();
		raw.prepare("DELETE FROM event_log WHERE event_id IN ('$t3', '$n1')").run();
		raw.close();
		const extra = { eventId: '$new', sender: ANA, originServerTs: 6000, type: 'm.room.encrypted' };
		const outcome = await complete(
			reading([...history.filter((e) => e.eventId !== '$open'), extra]),
			'verify',
			'--complete',
			ROOM_ID,
			file,
		);
		expect(outcome.code).toBe(1);
		expect(outcome.stdout).toBe('');
		expect(outcome.stderr.split('\n')).toEqual([
			`register ${file}: room ${ROOM_ID} incomplete: 4 of 12 events the homeserver holds are missing; 1 events it holds were not returned by the homeserver`,
			`missing $t3 from ${TUNDE} at 1970-01-01T00:00:04.000Z (m.room.encrypted)`,
			expect.stringMatching(/^missing \$n1 from .* \(m\.room\.encrypted\): seen by the bridge, but its row is no longer in the register$/),
			expect.stringMatching(/^missing \$chat from /),
			expect.stringMatching(/^missing \$new from /),
			"not on the homeserver: $open at 1970-01-01T00:00:01.000Z (case): the register holds it, the room's history did not return it",
			'',
		]);
	});

	it('refuses, exit 2, a room the register holds nothing of and was never invited to (a directory room, say)', async () => {
		const other = '!directory:sv.example';
		const outcome = await complete(reading(), 'verify', '--complete', other, file);
		expect(outcome.code).toBe(2);
		expect(outcome.stderr).toMatch(
			/holds nothing of !directory:sv\.example and was never invited to it: it is not one of this register's case rooms/,
		);
		// A case room it was invited to and then lost every event of is incomplete, not refused.
		const raw = new Database(file);
		raw.prepare('DELETE FROM seen_events').run();
		raw.prepare('DELETE FROM event_log').run();
		raw.prepare('DELETE FROM invitations WHERE room_id = ?').run(ROOM_ID);
		raw.close();
		expect((await complete(reading(), 'verify', '--complete', ROOM_ID, file)).code).toBe(2);
		const again = new Database(file);
		again
			.prepare("INSERT INTO invitations (room_id, inviter, decision, reason, at) VALUES (?, ?, 'accepted', 'a case room', 1)")
			.run(ROOM_ID, ANA);
		again.close();
		const lost = await complete(reading(), 'verify', '--complete', ROOM_ID, file);
		expect(lost.code).toBe(1);
		expect(lost.stderr).toMatch(/incomplete: 12 of 12 events the homeserver holds are missing/);
	});

	it('refuses, exit 2, a room ID that is not one, another command, --witness beside it, and what the reading refused', async () => {
		const refused = (): ReadHistory => () => Promise.resolve(err('the bridge (@b:gt) is not in room !r:gt'));
		const outcome = async (history: ReadHistory, ...argv: string[]) => expectFailure(await complete(history, ...argv), /./);
		await outcome(reading(), 'verify', '--complete', 'r', file);
		expect((await complete(reading(), 'verify', '--complete', 'r', file)).stderr).toMatch(/^verify --complete: r is not a room ID/);
		expect((await complete(reading(), 'stats', '--complete', ROOM_ID)).stderr).toMatch(/^--complete applies to verify only/);
		expect((await complete(reading(), 'verify', '--complete', ROOM_ID, '--witness', 'h.json')).stderr).toMatch(/two checks/);
		expect(await complete(refused(), 'verify', '--complete', ROOM_ID, file)).toEqual({
			code: 2,
			stdout: '',
			stderr: 'verify --complete: the bridge (@b:gt) is not in room !r:gt\n',
		});
		expect(asked).toEqual([]);
		expectFailure(run('verify', '--config', 'c.json', file), /^--config applies to verify --complete only/);
	});
});

describe('register CLI, run on Node', () => {
	const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
	const node = (args: readonly string[], env: Record<string, string> = {}) => {
		const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'ROGATORY_ROSTER' && k !== 'ROGATORY_SITE'));
		return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...clean, ...env } });
	};

	it('runs as `node bridge/register/cli.ts --roster … --site … verify [<file>]`, the site’s register by default, with its exit code', () => {
		const files = brokenDeployment(temp.file('deployment'), { ...BREAKAGES[0]!, to: BREAKAGES[0]!.from });
		const own = join(temp.file('deployment'), 'bridges', 'gt-mp', 'register.sqlite');
		mkdirSync(dirname(own), { recursive: true });
		copyFileSync(file, own);
		const flags = ['--roster', files.roster, '--site', files.site];
		expect(node([...flags, 'verify'])).toMatchObject({ status: 0, stdout: `register ${own}: intact (11 rows)\n` });
		expect(node(['verify', file], { ROGATORY_ROSTER: files.roster, ROGATORY_SITE: files.site })).toMatchObject({
			status: 0,
			stdout: `register ${file}: intact (11 rows)\n`,
		});
		expect(node([...flags, 'verify', temp.file('none.db')]).status).toBe(2);
		expect(node(['verify', file]).stderr).toMatch(/^name the roster file with --roster <file> \(or ROGATORY_ROSTER\)/);
	}, 30_000);

	it.each([BREAKAGES[1]!, BREAKAGES[4]!].map((b) => [b.name, b] as const))(
		'refuses %s in the files with one paragraph naming file, line and key, before opening the register',
		(_name, breakage) => {
			const files = brokenDeployment(temp.file('broken'), breakage);
			const refused = node(['--roster', files.roster, '--site', files.site, 'verify']);
			expect(refused.status).toBe(2);
			expect(refused.stdout).toBe('');
			const paragraph = refused.stderr.trimEnd();
			expect(paragraph).not.toContain('\n');
			expect(paragraph).toMatch(
				new RegExp(
					`^rogatory register: cannot start: ${files.brokenFile}, line ${files.line}, [^ ]*${breakage.key.replace(/[.[\]]/g, '\\$&')}: `,
				),
			);
			expect(paragraph.endsWith(' Mend the file and start again.')).toBe(true);
			expect(existsSync(join(temp.file('broken'), 'bridges'))).toBe(false);
		},
		30_000,
	);
});
