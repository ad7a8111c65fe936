// The rogatory command line, called as a pure executor: every refusal exits 2
// with a one-line reason and nothing on stdout.
import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES } from '../../policies/preservation/index.ts';
import { runRogatory, type CliOutcome } from './commands.ts';

const NATIONAL = [
	{
		id: 'gt-preservation-order',
		instrument: 'A national code (test data)',
		citation: 'Test Code art. 7(2)',
		runsFrom: 'order-issued',
		period: { amount: 90, unit: 'days' },
		bound: 'exactly',
		extension: { max: 2, period: { amount: 30, unit: 'days' }, on: 'judicial-renewal' },
		zone: { law: 'Guatemala', default: 'America/Guatemala' },
	},
];

const files: Record<string, string> = {
	'national.json': JSON.stringify(NATIONAL),
	'clash.json': JSON.stringify([{ ...NATIONAL[0], id: 'us-2703f' }]),
	'broken.json': JSON.stringify([{ ...NATIONAL[0], period: { amount: 90, unit: 'weeks' } }]),
	'garbage.json': '{ not json',
};
const readText = (path: string) =>
	path in files ? { ok: true as const, value: files[path] ?? '' } : { ok: false as const, error: `${path}: ENOENT` };
const directory = { readBytes: () => ({ ok: false as const, error: 'ENOENT' }), authorities: () => ({ ok: true as const, value: [] }) };
const bridge = {
	secretsDir: () => ({ ok: true as const, value: '/srv' }),
	readCode: () => ({ ok: true as const, value: undefined }),
	now: () => 0,
};
const run = (...argv: string[]) => runRogatory(argv, { rules: BUILT_IN_RULES, readText, directory, bridge });

function refused(outcome: CliOutcome, reason: RegExp): void {
	expect(outcome.code).toBe(2);
	expect(outcome.stdout).toBe('');
	expect(outcome.stderr).toMatch(reason);
	expect(outcome.stderr.trimEnd()).not.toContain('\n');
}

describe('rogatory rules', () => {
	it('prints the rule table as one JSON array: id, citation, periods and zone of each rule', () => {
		const outcome = run('rules');
		expect(outcome.code).toBe(0);
		const rules = JSON.parse(outcome.stdout) as { id: string; citation: string; period: unknown; extension: unknown; zone: unknown }[];
		expect(rules.map((r) => r.id)).toEqual(BUILT_IN_RULES.map((r) => r.id));
		expect(rules[0]).toMatchObject({
			id: 'budapest-29',
			citation: 'Budapest Convention art. 29(7)',
			period: { amount: 60, unit: 'days' },
			extension: null,
			zone: { default: null },
		});
	});

	it('adds national rules from --extra, and refuses a broken or clashing file', () => {
		const rules = JSON.parse(run('rules', '--extra', 'national.json').stdout) as { id: string }[];
		expect(rules.at(-1)?.id).toBe('gt-preservation-order');
		refused(run('rules', '--extra', 'clash.json'), /clash\.json: rules\[0\]\.id: "us-2703f" is already a rule/);
		refused(run('rules', '--extra', 'broken.json'), /broken\.json: rules\[0\]\.period\.unit: must be one of days, months, years/);
		refused(run('rules', '--extra', 'garbage.json'), /garbage\.json: not JSON/);
		refused(run('rules', '--extra', 'missing.json'), /missing\.json: ENOENT/);
	});
});

describe('rogatory deadline', () => {
	it('prints one JSON object {rule, citation, expires, zone, extensionsLeft}', () => {
		const outcome = run('deadline', '--rule', 'budapest-29', '--start', '2026-03-01T10:00-06:00', '--zone', 'America/Guatemala');
		expect(outcome).toEqual({
			code: 0,
			stdout:
				'{"rule":"budapest-29","citation":"Budapest Convention art. 29(7)","expires":"2026-04-30T23:59:59.999-06:00","zone":"America/Guatemala","extensionsLeft":0}\n',
			stderr: '',
		});
	});

	it('uses the rule’s zone by default and counts extensions', () => {
		const outcome = run('deadline', '--rule', 'eu-2023-1543-epoc-pr', '--start', '2026-03-01T10:00+01:00', '--extensions', '1');
		expect(JSON.parse(outcome.stdout)).toEqual({
			rule: 'eu-2023-1543-epoc-pr',
			citation: 'Regulation (EU) 2023/1543 art. 11(1)',
			expires: '2026-05-30T23:59:59.999+02:00',
			zone: 'Europe/Brussels',
			extensionsLeft: 0,
		});
	});

	it('computes a national rule from --extra', () => {
		const outcome = run(
			'deadline',
			'--extra',
			'national.json',
			'--rule',
			'gt-preservation-order',
			'--start',
			'2026-03-01T10:00-06:00',
			'--extensions',
			'2',
		);
		expect(JSON.parse(outcome.stdout)).toMatchObject({ expires: '2026-07-29T23:59:59.999-06:00', extensionsLeft: 0 });
	});

	it.each([
		['an unknown rule', ['--rule', 'budapest-99', '--start', '2026-03-01T10:00Z'], /unknown rule "budapest-99"/],
		['a date without offset', ['--rule', 'us-2703f', '--start', '2026-03-01T10:00'], /has no UTC offset/],
		['an impossible date', ['--rule', 'us-2703f', '--start', '2026-02-30T10:00-05:00'], /2026-02 has no day 30/],
		['a date only', ['--rule', 'us-2703f', '--start', '2026-03-01'], /has no UTC offset/],
		[
			'an unknown zone',
			['--rule', 'us-2703f', '--start', '2026-03-01T10:00Z', '--zone', 'Europe/Atlantis'],
			/"Europe\/Atlantis" is not an IANA time zone/,
		],
		[
			'an extension the rule does not allow',
			['--rule', 'us-2703f', '--start', '2026-03-01T10:00Z', '--extensions', '2'],
			/allows one extension, not 2/,
		],
		[
			'any extension of a rule without one',
			['--rule', 'budapest-29', '--start', '2026-03-01T10:00Z', '--zone', 'Africa/Lagos', '--extensions', '1'],
			/allows no extension, not 1/,
		],
		[
			'a fractional number of extensions',
			['--rule', 'us-2703f', '--start', '2026-03-01T10:00Z', '--extensions', '1.5'],
			/--extensions must be a whole number/,
		],
		[
			'a negative number of extensions',
			['--rule', 'us-2703f', '--start', '2026-03-01T10:00Z', '--extensions=-1'],
			/--extensions must be a whole number/,
		],
		[
			'a rule counted in the requested Party’s zone, without --zone',
			['--rule', 'budapest-29', '--start', '2026-03-01T10:00Z'],
			/requested Party.*--zone/,
		],
		['a missing --start', ['--rule', 'us-2703f'], /deadline needs --rule and --start/],
		['an unknown option', ['--rule', 'us-2703f', '--start', '2026-03-01T10:00Z', '--tz', 'UTC'], /Unknown option '--tz'.*usage:/],
	])('exits 2 with a one-line reason for %s', (_name, args, reason) => refused(run('deadline', ...args), reason));

	it('exits 2 on an unknown or missing command', () => {
		refused(run('preserve'), /unknown command "preserve"; usage:/);
		refused(run(), /^rogatory: usage:/);
		refused(run('rules', '--rule', 'us-2703f'), /rules takes no --rule/);
	});
});
