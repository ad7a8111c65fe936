// Installs Synapse from PyPI into a project-local virtualenv
// (.tools/synapse-<version>/) on first use and reuses it afterwards. A stamp
// file is written only after pip succeeded, so an interrupted install is
// redone from scratch rather than half-trusted. requirements.lock pins
// Synapse and every Python dependency, so all machines run the same code.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '../../policies/result.ts';
import { acquireLock } from '../process/lock.ts';
import { lastLines, run } from '../process/run.ts';
import { checkPython, pythonCommand } from './python.ts';
import { SYNAPSE_VERSION } from './version.ts';

export interface SynapseInstall {
	readonly version: string;
	readonly venvDir: string;
	/** The venv's interpreter: run Synapse as `<python> -m synapse.app.homeserver`. */
	readonly python: string;
}

const LOCK_FILE = new URL('./requirements.lock', import.meta.url);
/** Synapse's `postgres` and `redis` extras, pinned: the production profile's venv has them on top (production-install.ts). */
export const PRODUCTION_EXTRAS_LOCK = new URL('./production-extras.lock', import.meta.url);

export function venvDir(root: string): string {
	return join(root, '.tools', `synapse-${SYNAPSE_VERSION}`);
}

function wantedStamp(locks: readonly URL[] = [LOCK_FILE]): string {
	const names = locks.map((l) => l.pathname.split('/').pop()).join(' + ');
	const hash = createHash('sha256');
	for (const lock of locks) hash.update(readFileSync(lock));
	return `matrix-synapse ${SYNAPSE_VERSION} ${names} sha256:${hash.digest('hex')}\n`;
}

function installedIn(dir: string): SynapseInstall {
	return { version: SYNAPSE_VERSION, venvDir: dir, python: join(dir, 'bin', 'python') };
}

/** Whether the pinned Synapse is installed and complete in `root`'s .tools/. */
export function synapseInstalled(root: string): boolean {
	return isInstalled(venvDir(root));
}

function isInstalled(dir: string, locks?: readonly URL[]): boolean {
	const stamp = join(dir, '.rogatory-installed');
	return existsSync(stamp) && readFileSync(stamp, 'utf8') === wantedStamp(locks);
}

/** Makes sure the pinned Synapse is installed; installs it (about a minute) if not. */
export async function ensureSynapse(root: string, onProgress: (line: string) => void = () => {}): Promise<Result<SynapseInstall, string>> {
	return ensurePinnedSynapse(venvDir(root), [LOCK_FILE], onProgress);
}

/** The pinned Synapse in `dir`, with the requirements of every lock file in `locks` (the first is Synapse's own). */
export async function ensurePinnedSynapse(
	dir: string,
	locks: readonly URL[],
	onProgress: (line: string) => void = () => {},
): Promise<Result<SynapseInstall, string>> {
	if (isInstalled(dir, locks)) return ok(installedIn(dir));
	const lock = await acquireLock(`${dir}.lock`, (pid) =>
		onProgress(`waiting for another process (pid ${pid}) that is installing Synapse…`),
	);
	try {
		// Another process may have finished the install while we waited.
		if (isInstalled(dir, locks)) return ok(installedIn(dir));
		return await install(dir, locks, onProgress);
	} finally {
		lock.release();
	}
}

async function install(dir: string, locks: readonly URL[], onProgress: (line: string) => void): Promise<Result<SynapseInstall, string>> {
	const python = pythonCommand();
	const checked = await checkPython(python);
	if (!checked.ok) return checked;

	onProgress(`installing Synapse ${SYNAPSE_VERSION} from PyPI into ${dir} (Python ${checked.value}) — once only, about a minute`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const log = join(dir, 'install.log');

	const venv = await run(python, ['-m', 'venv', dir], { logFile: log });
	if (venv.code !== 0) {
		return err(
			`Creating the Synapse virtualenv failed:\n${lastLines(venv.stderr, 8)}\n` +
				`On Debian or Ubuntu, \`sudo apt-get install python3-venv\` usually fixes this. Then run the command again.`,
		);
	}

	const started = Date.now();
	const heartbeat = setInterval(() => {
		onProgress(`still installing Synapse (${Math.round((Date.now() - started) / 1000)} s; pip's output goes to ${log})`);
	}, 15_000);
	const pip = await run(
		join(dir, 'bin', 'python'),
		[
			'-m',
			'pip',
			'install',
			'--disable-pip-version-check',
			'--no-input',
			'--progress-bar',
			'off',
			...locks.flatMap((l) => ['-r', l.pathname]),
		],
		{ logFile: log },
	).finally(() => clearInterval(heartbeat));
	if (pip.code !== 0) {
		return err(
			`Installing Synapse ${SYNAPSE_VERSION} with pip failed (full output in ${log}):\n` +
				`${lastLines(pip.stdout + pip.stderr, 12)}\n` +
				`Check that PyPI is reachable (pip needs https://pypi.org), then run the command again; ` +
				`the half-made virtualenv is replaced automatically.`,
		);
	}
	writeFileSync(join(dir, '.rogatory-installed'), wantedStamp(locks));
	onProgress(`Synapse ${SYNAPSE_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s`);
	return ok(installedIn(dir));
}
