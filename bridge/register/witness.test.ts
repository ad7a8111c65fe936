import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildWitnessContent, witnessPayload, type WitnessHead } from '../../policies/reports/index.ts';
import { ok } from '../../policies/result.ts';
import { demoRoster, GUATEMALA, NIGERIA } from '../../policies/roster/testing/demo.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { runCli } from './cli-commands.ts';
import { openRegister } from './register.ts';
import { batch, MLA_HISTORY, must, open, OTHER_HISTORY, REGISTER_CONTEXT, rewriteRegister, tempDir } from './testing.ts';
import type { LogRow } from './verify.ts';
import { verifyAgainstWitness } from './witness.ts';

const GT = GUATEMALA.id;
const DAYS = ['2026-03-01T02:00:00Z', '2026-03-02T02:00:00Z', '2026-03-03T02:00:00Z', '2026-03-04T02:00:00Z'];

let temp: ReturnType<typeof tempDir>;
let file: string;
/** The heads the bridge sent after each day's batch: seq 3, 7, 9 and 13 (the chat message is not logged). */
let heads: WitnessHead[];

beforeEach(() => {
	temp = tempDir();
	file = temp.file('r.db');
	const register = open(file);
	const days = [MLA_HISTORY.slice(0, 3), MLA_HISTORY.slice(3, 7), MLA_HISTORY.slice(7, 10), [...MLA_HISTORY.slice(10), ...OTHER_HISTORY]];
	heads = days.map((events, i) => {
		must(register.ingest(batch(events, `s${i}`)));
		const head = must(register.logHead());
		return { authority: GT, seq: head.seq, hash: head.hash, at: DAYS[i]! };
	});
	register.close();
});
afterEach(() => temp.cleanup());

/** What someone with the file does to hide an edit (testing.ts). */
const rewrite = (seq: number, alter: (row: LogRow) => LogRow): void => rewriteRegister(file, seq, alter);

function check(given: readonly WitnessHead[] = heads, authority: AuthorityId = GT) {
	const register = must(openRegister(file, REGISTER_CONTEXT, { readonly: true }));
	try {
		return must(register.verifyWitness(given, authority));
	} finally {
		register.close();
	}
}

const backdate = (row: LogRow): LogRow => ({ ...row, originServerTs: row.originServerTs - 1 });

describe('verifyAgainstWitness, on a register file', () => {
	it('passes a register that agrees with every witnessed head, in any order of the file', () => {
		expect(check([...heads].reverse())).toEqual({
			verdict: 'agrees',
			rows: 13,
			heads: 4,
			latest: { seq: 13, at: DAYS[3] },
			setAside: 0,
			reason: `agrees with 4 witnessed heads of gt-mp, the latest for seq 13 witnessed at ${DAYS[3]}`,
		});
	});

	it('a rewritten register that verify calls intact fails, naming the range between the heads around the edit', () => {
		rewrite(5, (row) => ({ ...row, content: row.content.replace('CA/MLA/2025/041', 'CA/MLA/2025/099') }));
		const register = must(openRegister(file, REGISTER_CONTEXT, { readonly: true }));
		expect(must(register.verify())).toEqual({ intact: true, rows: 13 });
		register.close();
		const report = check();
		expect(report).toMatchObject({
			verdict: 'differs',
			problem: 'rewritten',
			from: 4,
			to: 7,
			witnessed: { seq: 7, at: DAYS[1] },
			agreed: { seq: 3, at: DAYS[0] },
			rows: [
				{ seq: 4, eventId: '$t2' },
				{ seq: 5, eventId: '$a2' },
				{ seq: 6, eventId: '$t3' },
				{ seq: 7, eventId: '$n1' },
			],
		});
		expect(report.verdict === 'differs' && report.reason).toMatch(
			new RegExp(
				`the first row that differs from the witnessed history is among seq 4\\.\\.7 .*agrees with the head witnessed at ${DAYS[0]} \\(seq 3\\)`,
			),
		);
	});

	it('names the row itself when the heads around it are adjacent', () => {
		// A head of seq 8 as a bridge would have sent it: the same events logged up to $l1.
		const copy = open(temp.file('copy.db'));
		must(copy.ingest(batch(MLA_HISTORY.slice(0, 8))));
		const eight = { authority: GT, ...must(copy.logHead()), at: '2026-03-02T14:00:00Z' };
		copy.close();
		expect(eight.seq).toBe(8);
		rewrite(8, backdate);
		const report = check([...heads, eight]);
		expect(report).toMatchObject({ verdict: 'differs', problem: 'rewritten', from: 8, to: 8, rows: [{ seq: 8, eventId: '$l1' }] });
		expect(report.verdict === 'differs' && report.reason).toMatch(
			/seq 8 \(\$l1\) is the first row that differs from the witnessed history/,
		);
	});

	it('names a row altered without re-hashing as verify does, and what the witness vouches for before it', () => {
		const raw = new Database(file);
		raw.prepare("UPDATE event_log SET sender = '@mallory:x.org' WHERE seq = 9").run();
		raw.close();
		expect(check()).toMatchObject({
			verdict: 'differs',
			problem: 'altered',
			from: 8,
			to: 9,
			agreed: { seq: 7 },
			reason: expect.stringMatching(/^the chain breaks at seq 9 \(\$bad\): its hash does not match its fields/) as string,
		});
	});

	it('says rows were removed when the register ends before a witnessed head, checkpoint mended or not', () => {
		const raw = new Database(file);
		const last = raw.prepare('SELECT hash FROM event_log WHERE seq = 11').get() as { hash: string };
		// The checkpoint mended too, so that only the witness can tell.
		raw.prepare('DELETE FROM event_log WHERE seq > 11').run();
		raw.prepare('UPDATE checkpoint SET log_seq = 11, log_hash = ?').run(last.hash);
		raw.close();
		expect(check()).toMatchObject({
			verdict: 'differs',
			problem: 'removed',
			from: 10,
			to: 12,
			witnessed: { seq: 13, at: DAYS[3] },
			agreed: { seq: 9 },
			rows: [
				{ seq: 10, eventId: '$x1' },
				{ seq: 11, eventId: '$t4' },
			],
			reason: expect.stringMatching(/^the register ends at seq 11 but seq 13 was witnessed at .*: rows were removed/) as string,
		});
	});

	it('sets aside heads of other authorities, and refuses to vouch with none of its own', () => {
		const ng = heads.map((h) => ({ ...h, authority: NIGERIA.id, hash: 'f'.repeat(64) }));
		expect(check([...heads, ...ng])).toMatchObject({ verdict: 'agrees', heads: 4, setAside: 4 });
		expect(check(ng)).toEqual({
			verdict: 'refused',
			reason: 'the witness file holds no heads of gt-mp (only of ng-ca): it cannot vouch for this register',
		});
		expect(check([])).toMatchObject({ verdict: 'refused' });
	});

	it('reports two heads for one seq that disagree as a rewrite between them', () => {
		const forged = { ...heads[1]!, hash: 'e'.repeat(64), at: '2026-03-05T02:00:00Z' };
		expect(check([...heads, forged])).toMatchObject({ verdict: 'differs', problem: 'rewritten', from: 4, to: 7, agreed: { seq: 3 } });
	});

	it('agrees with the genesis head of an empty register', () => {
		const empty = verifyAgainstWitness({
			rows: [],
			heads: [{ authority: GT, seq: 0, hash: '0'.repeat(64), at: DAYS[0]! }],
			authority: GT,
			checkpoint: undefined,
		});
		expect(empty).toMatchObject({ verdict: 'agrees', rows: 0, heads: 1 });
	});
});

describe('verify --witness', () => {
	const NOW = new Date(Date.UTC(2026, 3, 1, 3, 0));
	const run = (...argv: string[]) => runCli(argv, () => ok({ roster: demoRoster, authority: GT, registerFile: file }), NOW);
	/** The heads as exported from the witness room: event contents, with another authority's among them. */
	const exported = (given: readonly WitnessHead[]) => {
		const path = temp.file('heads.json');
		const contentOf = (head: WitnessHead) => {
			const built = buildWitnessContent(head);
			if (!built.ok) throw new Error(built.error.reason);
			return built.value;
		};
		writeFileSync(path, JSON.stringify(given.map(contentOf)));
		return path;
	};

	it('passes the site’s unaltered register, exit 0, and fails it once rewritten, exit 1, naming the range', () => {
		const path = exported([...heads, { ...heads[0]!, authority: NIGERIA.id }]);
		expect(run('verify', '--witness', path)).toEqual({
			code: 0,
			stdout: `register ${file}: intact (13 rows) and agrees with 4 witnessed heads of gt-mp, the latest for seq 13 witnessed at ${DAYS[3]}; 1 head of other authorities set aside\n`,
			stderr: '',
		});
		rewrite(5, backdate);
		expect(run('verify', file).code).toBe(0);
		const failed = run('verify', '--witness', path);
		expect(failed).toMatchObject({ code: 1, stdout: '' });
		expect(failed.stderr).toMatch(
			/^register .*r\.db: differs from the witnessed history: the head witnessed at 2026-03-02T02:00:00Z for seq 7 is .*: the register was rewritten; the first row that differs from the witnessed history is among seq 4\.\.7 \(now there: seq 4 \$t2, seq 5 \$a2, seq 6 \$t3, seq 7 \$n1\); the register agrees with the head witnessed at 2026-03-01T02:00:00Z \(seq 3\)\n$/,
		);
	});

	it('reads bare payloads too, tells the authority from a named file’s heads, and takes --authority', () => {
		const path = temp.file('payloads.json');
		writeFileSync(path, JSON.stringify(heads.map(witnessPayload)));
		expect(run('verify', '--witness', path, file)).toMatchObject({ code: 0 });
		const mixed = exported([...heads, { ...heads[0]!, authority: NIGERIA.id }]);
		expect(run('verify', '--witness', mixed, file)).toMatchObject({
			code: 2,
			stderr: expect.stringMatching(/--authority <id> \(.* holds heads of gt-mp, ng-ca\)/) as string,
		});
		expect(run('verify', '--witness', mixed, '--authority', 'gt-mp', file)).toMatchObject({ code: 0 });
		expect(run('verify', '--witness', mixed, '--authority', 'sv-fgr', file)).toMatchObject({
			code: 2,
			stderr: expect.stringMatching(/no heads of sv-fgr/) as string,
		});
	});

	it('refuses a witness file it cannot read, exit 2, naming the entry', () => {
		const path = temp.file('bad.json');
		writeFileSync(path, JSON.stringify([witnessPayload(heads[0]!), { ...witnessPayload(heads[1]!), room: '!r:x.org' }]));
		expect(run('verify', '--witness', path)).toEqual({
			code: 2,
			stdout: '',
			stderr: `witness file ${path}: entry 1: [1].room: this format has no such key (the keys are version, authority, seq, hash, at)\n`,
		});
		expect(run('verify', '--witness', temp.file('none.json'))).toMatchObject({
			code: 2,
			stderr: expect.stringMatching(/ENOENT/) as string,
		});
		expect(run('export', '--format', 'json', '--witness', path)).toMatchObject({
			code: 2,
			stderr: expect.stringMatching(/--witness applies to verify only/) as string,
		});
	});
});
