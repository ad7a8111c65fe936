// A PostgreSQL cluster of the local production run's own, from Debian's
// binaries: initdb'd as the `postgres` system user (PostgreSQL refuses to
// run as root) in a folder under /tmp that user can reach, listening on a
// Unix socket only (no TCP), trusting local connections — it is the demo's
// alone and gone when the run stops. The database is then made with the
// generator's own create-database.sql (UTF8, C locale, template0).
import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { err, ok, type Result } from '../../../policies/result.ts';
import { lastLines, run } from '../../process/run.ts';
import { terminate } from '../../process/terminate.ts';

export interface LocalPostgres {
	readonly socketDir: string;
	readonly port: number;
	readonly child: ChildProcess;
	/** The cluster's folder, its socket's folder inside (the caller removes it after stopping the cluster). */
	readonly dataDir: string;
}

/** Debian's newest installed PostgreSQL's binaries, e.g. /usr/lib/postgresql/15/bin. */
export function postgresBin(): Result<string, string> {
	const base = '/usr/lib/postgresql';
	const versions = existsSync(base) ? readdirSync(base).filter((v) => /^\d+$/.test(v)) : [];
	const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
	if (newest === undefined || !existsSync(join(base, newest, 'bin', 'initdb')))
		return err("PostgreSQL's server is missing. Install it (Debian/Ubuntu: sudo apt-get install postgresql), then run the command again.");
	return ok(join(base, newest, 'bin'));
}

function mustBeRoot(): Result<void, string> {
	return process.getuid?.() === 0
		? ok(undefined)
		: err('the local production run starts PostgreSQL as the postgres user, which needs root. Run it as root.');
}

async function idsOf(user: string): Promise<Result<{ uid: number; gid: number }, string>> {
	const uid = await run('id', ['-u', user]);
	const gid = await run('id', ['-g', user]);
	if (uid.code !== 0 || gid.code !== 0) return err(`there is no "${user}" system user (Debian's postgresql package makes it)`);
	return ok({ uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) });
}

/** Its socket is in a folder of the cluster's own under /tmp: the postgres user cannot reach into the run's (root's, 0700) folder. */
export async function startLocalPostgres(port: number, logFile: string): Promise<Result<LocalPostgres, string>> {
	const root = mustBeRoot();
	if (!root.ok) return root;
	const bin = postgresBin();
	if (!bin.ok) return bin;
	const ids = await idsOf('postgres');
	if (!ids.ok) return ids;
	const { uid, gid } = ids.value;
	const top = mkdtempSync(join(tmpdir(), 'rogatory-production-pg-'));
	const dataDir = join(top, 'data');
	const socketDir = join(top, 'socket');
	mkdirSync(dataDir, { mode: 0o700 });
	mkdirSync(socketDir, { mode: 0o700 });
	for (const folder of [top, dataDir, socketDir]) chownSync(folder, uid, gid);
	const init = await new Promise<{ code: number | null; output: string }>((resolve) => {
		let output = '';
		const child = spawn(join(bin.value, 'initdb'), ['-D', dataDir, '--encoding=UTF8', '--locale=C', '--auth=trust', '-U', 'postgres'], {
			uid,
			gid,
			cwd: '/tmp',
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		child.stdout.on('data', (c: Buffer) => (output += c.toString()));
		child.stderr.on('data', (c: Buffer) => (output += c.toString()));
		child.on('close', (code) => resolve({ code, output }));
	});
	if (init.code !== 0) {
		rmSync(top, { recursive: true, force: true });
		return err(`initdb failed:\n${lastLines(init.output, 8)}`);
	}
	const log = openSync(logFile, 'a');
	const child = spawn(join(bin.value, 'postgres'), ['-D', dataDir, '-k', socketDir, '-p', String(port), '-c', 'listen_addresses='], {
		uid,
		gid,
		cwd: '/tmp',
		stdio: ['ignore', log, log],
	});
	for (let i = 0; i < 100; i++) {
		if (child.exitCode !== null || child.signalCode !== null) break;
		if (existsSync(join(socketDir, `.s.PGSQL.${port}`))) return ok({ socketDir, port, child, dataDir: top });
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill('SIGKILL');
	rmSync(top, { recursive: true, force: true });
	return err(`PostgreSQL did not start within 10 seconds (its log: ${logFile})`);
}

/** Runs an SQL file as the superuser. */
export async function runSql(pg: LocalPostgres, file: string): Promise<Result<void, string>> {
	const bin = postgresBin();
	if (!bin.ok) return bin;
	const psql = await run(join(bin.value, 'psql'), [
		'-h',
		pg.socketDir,
		'-p',
		String(pg.port),
		'-U',
		'postgres',
		'-v',
		'ON_ERROR_STOP=1',
		'-f',
		file,
	]);
	return psql.code === 0 ? ok(undefined) : err(`psql -f ${file} failed:\n${lastLines(psql.stderr, 6)}`);
}

/** Stops the cluster (SIGTERM: PostgreSQL's smart shutdown, then SIGKILL after the grace period) and removes its folder. */
export async function stopLocalPostgres(pg: LocalPostgres, graceMs = 15_000): Promise<void> {
	if (pg.child.pid !== undefined && pg.child.exitCode === null && pg.child.signalCode === null) await terminate(pg.child.pid, graceMs);
	rmSync(pg.dataDir, { recursive: true, force: true });
}
