// What the local production run reads from a generated systemd unit to start
// its process the way systemd would: the command line (ExecStart=), the
// working directory and the environment file, and that file's variables.
// Only the subset the generator writes (systemd.ts, environment.ts): one
// ExecStart= without quoting or prefixes, KEY=value lines without quotes or
// continuations; anything else is refused, naming the line, so that a unit
// the run cannot follow exactly is not followed approximately. Pure.
import { err, ok, type Result } from '../../../policies/result.ts';

export interface UnitCommand {
	/** The program and its arguments. */
	readonly command: readonly string[];
	readonly workingDirectory: string | undefined;
	readonly environmentFile: string | undefined;
}

const SERVICE_KEYS = ['ExecStart', 'WorkingDirectory', 'EnvironmentFile'] as const;

export function unitCommand(unit: string): Result<UnitCommand, string> {
	const found: Partial<Record<(typeof SERVICE_KEYS)[number], string>> = {};
	let section = '';
	for (const [index, raw] of unit.split('\n').entries()) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
		if (line.startsWith('[')) {
			section = line;
			continue;
		}
		if (section !== '[Service]') continue;
		const key = SERVICE_KEYS.find((k) => line.startsWith(`${k}=`));
		if (key === undefined) continue;
		if (found[key] !== undefined) return err(`line ${index + 1}: ${key}= is given twice; the run follows one`);
		const value = line.slice(key.length + 1).trim();
		if (/["'\\$%]/.test(value) || /^[-@:+!]/.test(value))
			return err(`line ${index + 1}: ${key}= uses quoting, a specifier or a prefix the run does not follow: ${value}`);
		found[key] = value;
	}
	if (found.ExecStart === undefined || found.ExecStart === '') return err('the unit has no ExecStart= in its [Service] section');
	return ok({
		command: found.ExecStart.split(/\s+/),
		workingDirectory: found.WorkingDirectory,
		environmentFile: found.EnvironmentFile,
	});
}

/** An EnvironmentFile='s variables, as the generator writes them (KEY=value, # comments). */
export function environmentFileVariables(text: string): Result<Record<string, string>, string> {
	const variables: Record<string, string> = {};
	for (const [index, raw] of text.split('\n').entries()) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) continue;
		const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
		if (match === null) return err(`line ${index + 1} is not KEY=value: ${line}`);
		const [, key, value] = match as unknown as [string, string, string];
		if (/^["']|\\$/.test(value)) return err(`line ${index + 1}: ${key}'s value is quoted or continued; the run reads plain values only`);
		variables[key] = value;
	}
	return ok(variables);
}
