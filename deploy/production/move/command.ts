// `rogatory move-to-postgres --from <the SQLite server's homeserver.yaml>
// [--synapse-config <homeserver.yaml>] [--synapse-python <python>] [--final]`:
// reads both ends from their homeserver.yaml files (ends.ts), runs one pass
// of the move (move.ts) with its progress, and exits 0, or 1 with what to
// do. Twice: while the old server runs (a snapshot), then with --final once
// it is stopped. Wiring only.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { err, ok, type Result } from '../../../policies/result.ts';
import { postgresBin } from '../local/postgres.ts';
import { DEFAULT_PRODUCTION_OPTIONS } from '../options.ts';
import { sourceOf, targetOf } from './ends.ts';
import { moveToPostgres } from './move.ts';

export const MOVE_USAGE =
	'usage: rogatory move-to-postgres --from <the SQLite server’s homeserver.yaml> [--synapse-config <homeserver.yaml>] [--synapse-python <python>] [--final]\n' +
	'       first while the old server runs (a snapshot), then with --final once it is stopped';

const VALUED = ['--from', '--synapse-config', '--synapse-python'] as const;
type Valued = (typeof VALUED)[number];

interface Flags {
	readonly values: Partial<Record<Valued, string>>;
	readonly final: boolean;
}

function flagsOf(argv: readonly string[]): Result<Flags, string> {
	const values: Partial<Record<Valued, string>> = {};
	let final = false;
	for (let i = 0; i < argv.length; i += 1) {
		const name = argv[i] ?? '';
		if (name === '--final') {
			if (final) return err('--final is given twice');
			final = true;
			continue;
		}
		const value = argv[i + 1];
		if (!VALUED.includes(name as Valued) || value === undefined || value.startsWith('--')) return err(`"${name}" is not understood here`);
		if (values[name as Valued] !== undefined) return err(`${name} is given twice`);
		values[name as Valued] = value;
		i += 1;
	}
	return ok({ values, final });
}

function readYaml(path: string, flag: string): Result<unknown, string> {
	try {
		return ok(parse(readFileSync(path, 'utf8')));
	} catch (thrown) {
		return err(`cannot read ${path}: ${thrown instanceof Error ? thrown.message : String(thrown)} (name it with ${flag})`);
	}
}

/** Runs `move-to-postgres` with the arguments after it; the exit code. */
export async function runMoveCommand(argv: readonly string[], log: (line: string) => void): Promise<number> {
	const fail = (why: string): number => {
		log(`rogatory move-to-postgres: ${why}\n${MOVE_USAGE}`);
		return 1;
	};
	const flags = flagsOf(argv);
	if (!flags.ok) return fail(flags.error);
	const from = flags.value.values['--from'];
	if (from === undefined) return fail('name the SQLite server’s homeserver.yaml with --from');
	const sourceFile = resolve(from);
	const targetFile = resolve(flags.value.values['--synapse-config'] ?? `${DEFAULT_PRODUCTION_OPTIONS.configDir}/homeserver.yaml`);
	const sourceYaml = readYaml(sourceFile, '--from');
	if (!sourceYaml.ok) return fail(sourceYaml.error);
	const targetYaml = readYaml(targetFile, '--synapse-config');
	if (!targetYaml.ok) return fail(targetYaml.error);
	const source = sourceOf(sourceYaml.value, dirname(sourceFile));
	if (!source.ok) return fail(source.error);
	const target = targetOf(targetYaml.value, dirname(targetFile));
	if (!target.ok) return fail(target.error);
	const bin = postgresBin();
	if (!bin.ok) return fail(bin.error);
	const moved = await moveToPostgres({
		source: source.value,
		target: target.value,
		targetConfig: targetFile,
		final: flags.value.final,
		python: flags.value.values['--synapse-python'] ?? DEFAULT_PRODUCTION_OPTIONS.synapsePython,
		postgresBin: bin.value,
		log,
	});
	if (!moved.ok) {
		log(`rogatory move-to-postgres: ${moved.error}`);
		return 1;
	}
	return 0;
}
