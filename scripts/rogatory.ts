// `npm run -s rogatory -- rules | deadline … | directory check … | bridge
// verification-code | deploy … | production-demo | backup … | restore … | move-to-postgres … | admin-token …`: the preservation law and its arithmetic
// (issue 5), the check of a vCard file for the directory, the bridge bot's
// verification code (issue 12) and the production generator and the local production run
// (issue 15, deploy/production/deploy-command.ts, scripts/production-demo.ts), backing up and restoring
// an installation (deploy/production/backup/), moving one off SQLite (deploy/production/move/),
// the web app's homeserver admin token (deploy/production/admin-token/)
// on the command line. Wiring only: the work is
// in rogatory-cli/, over the pure functions of policies/.
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verificationCodePathIn } from '../bridge/matrix/secret-files.ts';
import { usePrivateUmask } from '../deploy/process/private-umask.ts';
import { runDeploy } from '../deploy/production/deploy-command.ts';
import { DEFAULT_ROSTER } from '../deploy/roster/demo-deployment.ts';
import { loadRoster, loadSite } from '../deploy/roster/load.ts';
import { BUILT_IN_RULES } from '../policies/preservation/index.ts';
import { err, ok, type Result } from '../policies/result.ts';
import { describeErrors } from '../policies/roster/file/index.ts';
import type { AuthorityId } from '../policies/roster/types.ts';
import { runRogatory } from './rogatory-cli/commands.ts';

const message = (thrown: unknown) => (thrown instanceof Error ? thrown.message : String(thrown));

function readText(path: string): Result<string> {
	try {
		return ok(readFileSync(path, 'utf8'));
	} catch (thrown) {
		return err(`${path}: ${message(thrown)}`);
	}
}

/** At most `limit` bytes, so that a huge file is refused without being read whole. */
function readBytes(path: string, limit: number): Result<Uint8Array> {
	let fd: number | undefined;
	try {
		fd = openSync(path, 'r');
		const buffer = Buffer.alloc(limit);
		let length = 0;
		while (length < limit) {
			const read = readSync(fd, buffer, length, limit - length, null);
			if (read === 0) break;
			length += read;
		}
		return ok(buffer.subarray(0, length));
	} catch (thrown) {
		return err(message(thrown));
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

/** The roster named by --roster, else ROGATORY_ROSTER, else the demo's (deploy/roster/default.yaml). */
function authorities(roster: string | undefined): Result<readonly AuthorityId[]> {
	const env = process.env['ROGATORY_ROSTER'];
	const given = roster ?? (env === undefined || env === '' ? undefined : env);
	// NOTE: the demo's roster names the demo's authorities only: say so, so that no one checks a real file against it unawares.
	if (given === undefined)
		process.stderr.write(
			`rogatory: checking against the demo roster (${DEFAULT_ROSTER}); give your network's with --roster <file> or ROGATORY_ROSTER.\n`,
		);
	const path = given ?? DEFAULT_ROSTER;
	const read = loadRoster(path);
	if (!read.ok) return err(`the roster cannot be used: ${describeErrors(read.error)}`);
	return ok(read.value.document.authorities.map((a) => a.id as AuthorityId));
}

/** The site named by --site, else ROGATORY_SITE's one site: where its bot keeps its secrets. */
function secretsDir(site: string | undefined): Result<string> {
	const sites = (process.env['ROGATORY_SITE'] ?? '').split(delimiter).filter((p) => p !== '');
	const path = site ?? (sites.length === 1 ? sites[0] : undefined);
	if (path === undefined)
		return err(
			sites.length > 1
				? `ROGATORY_SITE names ${sites.length} site files; name this authority's with --site <file>`
				: 'name the site file with --site <file> (or ROGATORY_SITE)',
		);
	const read = loadSite(path);
	return read.ok ? ok(read.value.document.paths.secrets) : err(`the site cannot be used: ${describeErrors(read.error)}`);
}

function readCode(dir: string): Result<{ path: string; text: string; writtenMs: number } | undefined> {
	const path = verificationCodePathIn(dir);
	try {
		if (!existsSync(path)) return ok(undefined);
		return ok({ path, text: readFileSync(path, 'utf8'), writtenMs: statSync(path).mtimeMs });
	} catch (thrown) {
		return err(`cannot read ${path}: ${message(thrown)}`);
	}
}

const argv = process.argv.slice(2);
if (argv[0] === 'backup' || argv[0] === 'restore') {
	const { runBackupCommand } = await import('../deploy/production/backup/command.ts');
	usePrivateUmask();
	process.exit(await runBackupCommand(argv[0], argv.slice(1), (line) => process.stdout.write(`${line}\n`)));
}
if (argv[0] === 'move-to-postgres') {
	const { runMoveCommand } = await import('../deploy/production/move/command.ts');
	usePrivateUmask();
	process.exit(await runMoveCommand(argv.slice(1), (line) => process.stdout.write(`${line}\n`)));
}
if (argv[0] === 'admin-token') {
	const { runAdminTokenCommand } = await import('../deploy/production/admin-token/command.ts');
	usePrivateUmask();
	process.exit(await runAdminTokenCommand(argv.slice(1), (line) => process.stdout.write(`${line}\n`)));
}
if (argv[0] === 'production-demo') {
	const { runProductionDemo } = await import('./production-demo.ts');
	process.exit(await runProductionDemo(argv.slice(1), fileURLToPath(new URL('..', import.meta.url))));
}
const outcome =
	argv[0] === 'deploy'
		? (usePrivateUmask(), runDeploy(argv.slice(1)))
		: runRogatory(argv, {
				rules: BUILT_IN_RULES,
				readText,
				directory: { readBytes, authorities },
				bridge: { secretsDir, readCode, now: () => Date.now() },
			});
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.code;
