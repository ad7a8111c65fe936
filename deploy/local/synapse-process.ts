// One Synapse process: started from the venv's Python with its data folder's
// config, its pid recorded, its console output (anything printed before its
// logging is set up: config errors, tracebacks) appended to console.log.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { HomeserverFiles } from '../config/layout.ts';
import { lastLines } from '../process/run.ts';
import { removePidFile, writePidFile } from './pid-file.ts';

export interface SynapseProcess {
	readonly id: string;
	readonly pid: number;
	readonly files: HomeserverFiles;
	/** Resolves when the process ends, with e.g. "exit code 1" or "signal SIGKILL". */
	readonly exited: Promise<string>;
	/** Set once the process has ended. */
	exit(): string | undefined;
}

const RUN_MARKER = '=== rogatory: starting Synapse';

function environment(): NodeJS.ProcessEnv {
	const env = { ...process.env };
	// A PYTHONPATH or PYTHONHOME meant for another Python would break the venv's.
	delete env['PYTHONPATH'];
	delete env['PYTHONHOME'];
	return env;
}

export function spawnSynapse(python: string, id: string, files: HomeserverFiles): SynapseProcess {
	const consoleFd = openSync(files.console, 'a');
	writeSync(consoleFd, `\n${RUN_MARKER} at ${new Date().toISOString()} ===\n`);
	const child = spawn(python, ['-m', 'synapse.app.homeserver', '--config-path', files.config], {
		cwd: files.dir,
		env: environment(),
		stdio: ['ignore', consoleFd, consoleFd],
	});
	closeSync(consoleFd);
	let ended: string | undefined;
	const exited = new Promise<string>((resolve) => {
		child.once('error', (error) => {
			ended = `could not be started: ${error.message}`;
			resolve(ended);
		});
		child.once('exit', (code, signal) => {
			ended = signal === null ? `exit code ${code ?? '?'}` : `signal ${signal}`;
			removePidFile(files.pid);
			resolve(ended);
		});
	});
	if (child.pid !== undefined) writePidFile(files.pid, child.pid);
	return { id, pid: child.pid ?? -1, files, exited, exit: () => ended };
}

/** What the latest run printed to the console, or else the end of Synapse's log. */
export function startupTail(files: HomeserverFiles, lines = 15): string {
	const read = (path: string) => {
		try {
			return readFileSync(path, 'utf8');
		} catch {
			return '';
		}
	};
	const consoleText = read(files.console);
	const latest = consoleText.slice(consoleText.lastIndexOf(RUN_MARKER));
	const consoleTail = lastLines(latest.split('\n').slice(1).join('\n'), lines);
	return consoleTail !== '' ? consoleTail : lastLines(read(files.log), lines) || '(nothing logged)';
}
