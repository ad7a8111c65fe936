// Finds a Python able to create the Synapse virtualenv, or says in one
// paragraph what to install. Debian splits the venv module (and the ensurepip
// it needs) into python3-venv, so "python3 exists" is not enough.
import { err, ok, type Result } from '../../policies/result.ts';
import { run } from '../process/run.ts';
import { MIN_PYTHON } from './version.ts';

/** ROGATORY_PYTHON overrides the interpreter (e.g. a pyenv or Homebrew one). */
export function pythonCommand(env: NodeJS.ProcessEnv = process.env): string {
	return env['ROGATORY_PYTHON'] ?? 'python3';
}

const INSTALL_ADVICE =
	'On Debian or Ubuntu: `sudo apt-get install python3 python3-venv`; on macOS: `brew install python`. ' +
	'Or point ROGATORY_PYTHON at a suitable interpreter. Then run the command again.';

const PROBE = ['import sys', 'import venv, ensurepip', 'print("%d.%d.%d" % sys.version_info[:3])'].join('; ');

/** Checks the interpreter and returns its version, e.g. "3.11.7". */
export async function checkPython(python: string): Promise<Result<string, string>> {
	const probe = await run(python, ['-c', PROBE]);
	if (probe.spawnError !== undefined) {
		return err(
			`Rogatory runs its homeservers on Synapse, which needs Python ${MIN_PYTHON.join('.')} or newer, ` +
				`but "${python}" was not found on PATH. ${INSTALL_ADVICE}`,
		);
	}
	if (probe.code !== 0) {
		const missing = /No module named '?(\w+)/.exec(probe.stderr)?.[1] ?? 'venv';
		return err(
			`"${python}" is installed but lacks the "${missing}" module, which Rogatory needs to create ` +
				`Synapse's virtualenv in .tools/. ${INSTALL_ADVICE}`,
		);
	}
	const version = probe.stdout.trim();
	const [major = 0, minor = 0] = version.split('.').map(Number);
	if (major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1])) {
		return err(`"${python}" is Python ${version}; Synapse needs ${MIN_PYTHON.join('.')} or newer. ${INSTALL_ADVICE}`);
	}
	return ok(version);
}
