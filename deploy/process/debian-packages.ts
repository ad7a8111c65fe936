// Debian packages the production profile runs (nginx, redis-server,
// postgresql): when a program is missing and we are root on Debian, install
// its package with apt-get (as `npm test` installs Chromium,
// scripts/chromium.ts); otherwise say exactly what to run. Installing does not
// start anything here: the production profile's processes are started by
// their own supervisor (or systemd on a real host).
import { existsSync } from 'node:fs';
import { err, ok, type Result } from '../../policies/result.ts';
import { lastLines, run } from './run.ts';

export interface DebianProgram {
	/** The Debian package that ships it. */
	readonly pkg: string;
	/** Its executable, whose presence means the package is installed. */
	readonly path: string;
}

export const NGINX: DebianProgram = { pkg: 'nginx', path: '/usr/sbin/nginx' };
export const REDIS: DebianProgram = { pkg: 'redis-server', path: '/usr/bin/redis-server' };

export async function ensureDebianPrograms(
	programs: readonly DebianProgram[],
	onProgress: (line: string) => void = () => {},
): Promise<Result<void, string>> {
	const missing = programs.filter((p) => !existsSync(p.path));
	if (missing.length === 0) return ok(undefined);
	const names = missing.map((p) => p.pkg).join(' ');
	const advice = `Install it (Debian/Ubuntu: sudo apt-get install ${names}), then run the command again.`;
	if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get'))
		return err(
			`${missing.map((p) => p.path).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing and this is not root on Debian. ${advice}`,
		);
	onProgress(`installing Debian's ${names} for the production profile (once only)`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const update = await run('apt-get', ['update', '-qq'], { env });
	if (update.code !== 0) return err(`apt-get update failed:\n${lastLines(update.stderr, 6)}\n${advice}`);
	const install = await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing.map((p) => p.pkg)], { env });
	if (install.code !== 0) return err(`apt-get install ${names} failed:\n${lastLines(install.stderr, 6)}\n${advice}`);
	const still = missing.filter((p) => !existsSync(p.path));
	return still.length === 0
		? ok(undefined)
		: err(`after apt-get install, ${still.map((p) => p.path).join(', ')} is still missing. ${advice}`);
}
