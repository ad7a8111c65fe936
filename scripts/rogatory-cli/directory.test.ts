// `rogatory directory check`, called as a pure executor: the cards as jCard
// and exit 0, or one `file:line: card N: reason` line per refusal and exit 2;
// a file that cannot be read, is not UTF-8, is too big or holds no card is
// refused in one line. The file and the roster are in memory.
import { describe, expect, it } from 'vitest';
import { SAMPLE_ENTRIES } from '../../policies/directory/vcard/testing.ts';
import { serializeVcards } from '../../policies/directory/vcard/index.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { runRogatory } from './commands.ts';
import { MAX_VCARD_BYTES, runDirectory, type DirectoryCliContext } from './directory.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const BAD_CARD = 'BEGIN:VCARD\r\nVERSION:4.0\r\nUID:x\r\nFN:Ana\r\nORG:gt-mp\r\nROLE:judge\r\nLANG:en_GB\r\nEND:VCARD\r\n';
const files: Record<string, Uint8Array> = {
	'sample.vcf': encode(serializeVcards(SAMPLE_ENTRIES)),
	'bad.vcf': encode(serializeVcards(SAMPLE_ENTRIES.slice(0, 2)) + BAD_CARD),
	'latin1.vcf': Uint8Array.from([...encode('BEGIN:VCARD\r\nFN:L'), 0xf3, ...encode('pez\r\nEND:VCARD\r\n')]),
	'empty.vcf': encode('\r\n'),
	'newline.vcf': encode('BEGIN:VCARD\r\nVERSION:4.0\r\nUID:x\r\nFN:Ana\r\nORG:gt-mp\r\nROLE:jud\\nge\r\nEND:VCARD\r\n'),
};
const rosters: Record<string, readonly string[]> = { default: ['gt-mp', 'ng-ca', 'kz-gpo'], 'other.yaml': ['xq-pps'] };

const context: DirectoryCliContext = {
	readBytes: (path, limit) => {
		if (path === 'huge.vcf') return { ok: true, value: new Uint8Array(limit) };
		const bytes = files[path];
		return bytes === undefined
			? { ok: false, error: `ENOENT: no such file or directory, open '${path}'` }
			: { ok: true, value: bytes.slice(0, limit) };
	},
	authorities: (roster) => {
		const ids = rosters[roster ?? 'default'];
		return ids === undefined
			? { ok: false, error: `the roster cannot be used: ${roster}: the file cannot be read` }
			: { ok: true, value: ids as AuthorityId[] };
	},
};
const run = (...argv: string[]) => runDirectory(argv, context);

describe('rogatory directory check', () => {
	it('prints every card as jCard, one card a line, and exits 0', () => {
		const outcome = run('check', 'sample.vcf');
		expect([outcome.code, outcome.stderr]).toEqual([0, '']);
		const cards = JSON.parse(outcome.stdout) as [string, [string, object, string, string][]][];
		expect(cards).toHaveLength(SAMPLE_ENTRIES.length);
		expect(cards[4]?.[1]).toContainEqual(['fn', {}, 'text', 'Айгерим Нурланова']);
		expect(outcome.stdout.split('\n')).toHaveLength(SAMPLE_ENTRIES.length + 3);
	});

	it('is reached through the rogatory command', () => {
		const outcome = runRogatory(['directory', 'check', 'sample.vcf'], {
			rules: [],
			readText: () => ({ ok: false, error: '' }),
			directory: context,
			bridge: { secretsDir: () => ({ ok: false, error: '' }), readCode: () => ({ ok: true, value: undefined }), now: () => 0 },
		});
		expect(outcome).toEqual(run('check', 'sample.vcf'));
	});

	it('prints each refusal as file:line: card N: reason, nothing on stdout, and exits 2', () => {
		const outcome = run('check', 'bad.vcf');
		expect([outcome.code, outcome.stdout]).toEqual([2, '']);
		const lines = outcome.stderr.trimEnd().split('\n');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(/^bad\.vcf:\d+: card 3: ROLE "judge" is not one of prosecutor, central-authority-officer, /);
		expect(lines[1]).toMatch(/^bad\.vcf:\d+: card 3: LANG "en_GB" is not a BCP 47 language tag/);
		const first = Number(/^bad\.vcf:(\d+):/.exec(lines[0] ?? '')?.[1]);
		const text = new TextDecoder().decode(files['bad.vcf']);
		expect(text.split('\r\n')[first - 1]).toBe('ROLE:judge');
	});

	it('keeps a refusal on one line when the value it quotes has a newline', () => {
		expect(run('check', 'newline.vcf').stderr).toBe(
			'newline.vcf:6: card 1: ROLE "jud\\nge" is not one of prosecutor, central-authority-officer, focal-point, focal-point-24-7, secretariat\n',
		);
	});

	it('reads the authorities of the roster given with --roster', () => {
		expect(run('check', '--roster', 'other.yaml', 'sample.vcf').stderr).toMatch(
			/^sample\.vcf:6: card 1: ORG "gt-mp" is not an authority of the roster$/m,
		);
		expect(run('check', '--roster', 'missing.yaml', 'sample.vcf')).toEqual({
			code: 2,
			stdout: '',
			stderr: 'rogatory: the roster cannot be used: missing.yaml: the file cannot be read\n',
		});
	});

	it.each([
		[['check', 'missing.vcf'], /^rogatory: cannot read missing\.vcf: ENOENT: no such file or directory/],
		[['check', 'latin1.vcf'], /^rogatory: latin1\.vcf is not UTF-8 text/],
		[['check', 'huge.vcf'], /^rogatory: huge\.vcf is larger than 5 MB/],
		[['check', 'empty.vcf'], /^rogatory: empty\.vcf holds no card/],
		[['check'], /^rogatory: usage: rogatory directory check/],
		[[], /^rogatory: usage: rogatory directory check/],
		[['check', 'a.vcf', 'b.vcf'], /^rogatory: usage: rogatory directory check/],
		[['import', 'a.vcf'], /^rogatory: unknown directory command "import"/],
		[['check', '--nope', 'a.vcf'], /^rogatory: Unknown option '--nope'/],
	])('refuses %j in one line on stderr, exit 2', (argv, reason) => {
		const outcome = run(...argv);
		expect([outcome.code, outcome.stdout]).toEqual([2, '']);
		expect(outcome.stderr).toMatch(reason);
		expect(outcome.stderr.trimEnd()).not.toContain('\n');
	});

	it('asks for one byte more than the cap, so that a file of exactly 5 MB is read and a larger one refused', () => {
		let asked = 0;
		runDirectory(['check', 'sample.vcf'], { ...context, readBytes: (path, limit) => ((asked = limit), context.readBytes(path, limit)) });
		expect(asked).toBe(MAX_VCARD_BYTES + 1);
	});
});
