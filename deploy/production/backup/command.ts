// `rogatory backup --site S --out DIR` and `rogatory restore --site S
// --from DIR` (ROGATORY_SITE when the flag is left out; `--synapse-config <homeserver.yaml>` and
// `--rogatory-config <dir>` where the installation is not in the
// generator's default places): reads the installation's own files for what
// to back up (layout.ts) — a restore onto an empty machine reads the ones
// not there yet from the backup (installation-files.ts) —, prints its
// progress, and exits 0, or 1 with what to do. Wiring only.
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { describeErrors } from '../../../policies/roster/file/index.ts';
import { err, ok, type Result } from '../../../policies/result.ts';
import { readSiteFile } from '../../../policies/roster/file/index.ts';
import { nodeFiles } from '../../roster/load.ts';
import { postgresBin } from '../local/postgres.ts';
import { DEFAULT_PRODUCTION_OPTIONS } from '../options.ts';
import { backUp } from './backup.ts';
import { copyInBackup } from './installation-files.ts';
import { layoutOf, type Layout } from './layout.ts';
import { restore } from './restore.ts';

export const BACKUP_USAGE =
	'usage: rogatory backup [--site <site.yaml>] [--synapse-config <homeserver.yaml>] [--rogatory-config <dir>] --out <new folder>\n' +
	'       rogatory restore [--site <site.yaml>] [--synapse-config <homeserver.yaml>] [--rogatory-config <dir>] --from <backup folder>';

const FLAGS = ['--site', '--synapse-config', '--rogatory-config', '--out', '--from'] as const;
type Flag = (typeof FLAGS)[number];

function flagsOf(argv: readonly string[]): Result<Partial<Record<Flag, string>>, string> {
	const flags: Partial<Record<Flag, string>> = {};
	for (let i = 0; i < argv.length; i += 2) {
		const name = argv[i] as Flag;
		const value = argv[i + 1];
		if (!FLAGS.includes(name) || value === undefined || value.startsWith('--')) return err(`"${argv[i] ?? ''}" is not understood here`);
		if (flags[name] !== undefined) return err(`${name} is given twice`);
		flags[name] = value;
	}
	return ok(flags);
}

/** `from`: the backup a restore reads from, where the files missing on the machine are read. */
function installationLayout(flags: Partial<Record<Flag, string>>, from?: string): Result<Layout, string> {
	const sitePath = flags['--site'] ?? process.env['ROGATORY_SITE'];
	if (sitePath === undefined || sitePath === '' || sitePath.includes(delimiter))
		return err("name this authority's site file with --site <site.yaml> (or ROGATORY_SITE naming one file)");
	const homeserverFile = resolve(flags['--synapse-config'] ?? `${DEFAULT_PRODUCTION_OPTIONS.configDir}/homeserver.yaml`);
	const folders = {
		synapse: dirname(homeserverFile),
		rogatory: resolve(flags['--rogatory-config'] ?? DEFAULT_PRODUCTION_OPTIONS.rogatoryConfigDir),
	};
	const readFrom = (file: string): string => (from === undefined || existsSync(file) ? file : (copyInBackup(file, from, folders) ?? file));
	// NOTE: the site's own paths are taken from where it belongs, also when its text comes from the backup.
	const site = resolve(sitePath);
	const read = readSiteFile({ ...nodeFiles, read: (path) => nodeFiles.read(path === site ? readFrom(site) : path) }, site);
	if (!read.ok) return err(`${describeErrors(read.error)} Mend the file and run the command again.`);
	const paths = read.value.paths;
	let homeserver: unknown;
	try {
		homeserver = parse(readFileSync(readFrom(homeserverFile), 'utf8'));
	} catch (thrown) {
		return err(
			`cannot read ${homeserverFile}: ${thrown instanceof Error ? thrown.message : String(thrown)} (name Synapse's config with --synapse-config)`,
		);
	}
	const layout = layoutOf({
		homeserver,
		synapseConfigDir: folders.synapse,
		rogatoryConfigDir: folders.rogatory,
		site: { register: paths.register, sessions: paths.sessions, secrets: paths.secrets },
	});
	return layout.ok ? layout : err(`${homeserverFile}: ${layout.error.replace(/^homeserver\.yaml: /, '')}`);
}

/** Runs `backup` or `restore` with the arguments after it; the exit code. */
export async function runBackupCommand(
	command: 'backup' | 'restore',
	argv: readonly string[],
	log: (line: string) => void,
): Promise<number> {
	const fail = (why: string): number => {
		log(`rogatory ${command}: ${why}\n${BACKUP_USAGE}`);
		return 1;
	};
	const flags = flagsOf(argv);
	if (!flags.ok) return fail(flags.error);
	const target = command === 'backup' ? flags.value['--out'] : flags.value['--from'];
	if (target === undefined) return fail(command === 'backup' ? 'name a new folder with --out' : 'name the backup with --from');
	const layout = installationLayout(flags.value, command === 'restore' ? resolve(target) : undefined);
	if (!layout.ok) return fail(layout.error);
	const bin = postgresBin();
	if (!bin.ok) return fail(bin.error);
	const outcome =
		command === 'backup'
			? await backUp(layout.value, resolve(target), { postgresBin: bin.value, now: () => new Date(), log })
			: await restore(layout.value, resolve(target), { postgresBin: bin.value, log });
	if (!outcome.ok) {
		log(`rogatory ${command}: ${outcome.error}`);
		return 1;
	}
	return 0;
}
