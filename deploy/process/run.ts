// Runs a short-lived command to completion and hands back what it printed.
// Used for the one-off steps around Synapse (python checks, venv, pip, the
// certificate script). A command that cannot be started (ENOENT) is a value,
// not an exception, so callers can turn it into advice.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export interface RunOutcome {
	readonly code: number | null;
	readonly signal: NodeJS.Signals | null;
	readonly stdout: string;
	readonly stderr: string;
	/** Set when the command could not be started at all (e.g. "ENOENT"). */
	readonly spawnError?: string;
}

export interface RunOptions {
	readonly cwd?: string;
	readonly env?: NodeJS.ProcessEnv;
	readonly input?: string;
	/** Also append everything the command prints to this file. */
	readonly logFile?: string;
}

export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunOutcome> {
	return new Promise((resolve) => {
		let stdout = '';
		let stderr = '';
		const log = options.logFile === undefined ? undefined : createWriteStream(options.logFile, { flags: 'a' });
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			log?.write(chunk);
		});
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
			log?.write(chunk);
		});
		child.on('error', (error: NodeJS.ErrnoException) => {
			log?.end();
			resolve({ code: null, signal: null, stdout, stderr, spawnError: error.code ?? error.message });
		});
		child.on('close', (code, signal) => {
			log?.end();
			resolve({ code, signal, stdout, stderr });
		});
		// NOTE: a command that exits without reading its input (`id`, `redis-cli ping`) closes the pipe
		// first; the EPIPE that writing to it then raises says nothing the exit code does not.
		child.stdin.on('error', () => {});
		child.stdin.end(options.input ?? '');
	});
}

/** The last `count` non-empty lines of a text, for error messages. */
export function lastLines(text: string, count: number): string {
	return text
		.split('\n')
		.filter((line) => line.trim() !== '')
		.slice(-count)
		.join('\n');
}
