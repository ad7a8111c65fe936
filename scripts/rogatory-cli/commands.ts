// `npm run -s rogatory -- …` as a pure executor (STYLE.md 6): arguments, the
// built-in rules and a way to read a file in; exit code and output text out.
// scripts/rogatory.ts wires it to the process. Exit codes: 0 done; 2 refused
// (usage, unknown rule, malformed date, unknown zone, an extension the rule
// does not allow, a broken rules file), always with a one-line reason.
// `directory …` is directory.ts's: its own options, one line per refused card;
// `bridge …` is bridge.ts's (the bridge bot's verification code).
import { parseArgs } from 'node:util';
import { computeDeadline, findRule, mergeRules, parseRuleTable, type PreservationRule } from '../../policies/preservation/index.ts';
import type { Result } from '../../policies/result.ts';
import { BRIDGE_USAGE, runBridgeCli, type BridgeCliContext } from './bridge.ts';
import { DIRECTORY_USAGE, runDirectory, type DirectoryCliContext } from './directory.ts';

export interface CliOutcome {
	readonly code: 0 | 2;
	readonly stdout: string;
	readonly stderr: string;
}

export interface CliContext {
	readonly rules: readonly PreservationRule[];
	/** Reads a national rules file (JSON); the only I/O, kept at the edge. */
	readonly readText: (path: string) => Result<string>;
	/** The vCard file and the roster, for `directory check`. */
	readonly directory: DirectoryCliContext;
	/** The site's secrets and the bot's code file, for `bridge verification-code`. */
	readonly bridge: BridgeCliContext;
}

export const USAGE = `usage: rogatory rules [--extra <rules.json>] | rogatory deadline --rule <id> --start <ISO-8601 date-time with offset> [--extensions N] [--zone <IANA zone>] [--extra <rules.json>] | ${DIRECTORY_USAGE.replace('usage: ', '')} | ${BRIDGE_USAGE.replace('usage: ', '')} | rogatory deploy --roster <roster.yaml> --site <site.yaml> --out <dir> | rogatory production-demo [--authority <id>]`;

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, '; ');
const fail = (reason: string): CliOutcome => ({ code: 2, stdout: '', stderr: `rogatory: ${oneLine(reason)}\n` });
const done = (json: unknown, indent?: string): CliOutcome => ({ code: 0, stdout: `${JSON.stringify(json, null, indent)}\n`, stderr: '' });

export function runRogatory(argv: readonly string[], context: CliContext): CliOutcome {
	if (argv[0] === 'directory') return runDirectory(argv.slice(1), context.directory);
	if (argv[0] === 'bridge') return runBridgeCli(argv.slice(1), context.bridge);
	let parsed;
	try {
		parsed = parseArgs({
			args: [...argv],
			allowPositionals: true,
			options: {
				rule: { type: 'string' },
				start: { type: 'string' },
				extensions: { type: 'string' },
				zone: { type: 'string' },
				extra: { type: 'string' },
			},
		});
	} catch (thrown) {
		return fail(`${thrown instanceof Error ? thrown.message : String(thrown)}; ${USAGE}`);
	}
	const [command, ...extra] = parsed.positionals;
	if (command === undefined || extra.length > 0) return fail(USAGE);
	const { rule, start, extensions, zone } = parsed.values;
	const rules = ruleTable(context, parsed.values.extra);
	if (!rules.ok) return fail(rules.error);
	if (command === 'rules') {
		if (rule !== undefined || start !== undefined || extensions !== undefined || zone !== undefined)
			return fail(`rules takes no --rule, --start, --extensions or --zone; ${USAGE}`);
		return done(rules.value, '\t');
	}
	if (command !== 'deadline') return fail(`unknown command "${command}"; ${USAGE}`);
	if (rule === undefined || start === undefined) return fail(`deadline needs --rule and --start; ${USAGE}`);
	if (extensions !== undefined && !/^\d{1,6}$/.test(extensions))
		return fail(`--extensions must be a whole number ≥ 0, not "${extensions}"`);
	const found = findRule(rules.value, rule);
	if (!found.ok) return fail(found.error);
	const deadline = computeDeadline({ rule: found.value, start, extensions: Number(extensions ?? '0'), zone: zone ?? null });
	if (!deadline.ok) return fail(deadline.error.reason);
	const { citation, expires, extensionsLeft } = deadline.value;
	return done({ rule: deadline.value.rule, citation, expires, zone: deadline.value.zone, extensionsLeft });
}

/** The built-in rules, plus the national rules of `--extra <file>` when given. */
function ruleTable(context: CliContext, file: string | undefined): Result<PreservationRule[]> {
	if (file === undefined) return { ok: true, value: [...context.rules] };
	const text = context.readText(file);
	if (!text.ok) return text;
	let json: unknown;
	try {
		json = JSON.parse(text.value);
	} catch (thrown) {
		return { ok: false, error: `${file}: not JSON (${thrown instanceof Error ? thrown.message : String(thrown)})` };
	}
	const parsed = parseRuleTable(json);
	if (!parsed.ok) return { ok: false, error: `${file}: ${parsed.error.join('; ')}` };
	const merged = mergeRules(context.rules, parsed.value);
	return merged.ok ? merged : { ok: false, error: `${file}: ${merged.error.join('; ')}` };
}
