// Running the project's own tools as child processes: one step at a time with
// its output shown, or a long-lived server that is stopped with the run.
import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Runs a command to completion with inherited output (its stdout sent to our
 * stderr when `stdoutToStderr`, so that a caller's stdout stays data);
 * resolves with its exit code.
 */
export function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, stdoutToStderr = false): Promise<number> {
	return new Promise((resolve) => {
		const child = spawn(command, args, { stdio: stdoutToStderr ? ['inherit', 2, 2] : 'inherit', env: { ...process.env, ...env } });
		child.on('error', (error) => {
			console.error(`rogatory: could not run ${command}: ${error.message}`);
			resolve(127);
		});
		child.on('exit', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
	});
}

/** Runs a command to completion with its output kept rather than shown (stdout and stderr in order); for steps run side by side. */
export function captured(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
		const chunks: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
		child.on('error', (error) => resolve({ code: 127, output: `rogatory: could not run ${command}: ${error.message}\n` }));
		child.on('close', (code, signal) =>
			resolve({ code: code ?? (signal === null ? 1 : 128), output: Buffer.concat(chunks).toString('utf8') }),
		);
	});
}

/** A project binary from node_modules/.bin. */
export const bin = (name: string): string => `node_modules/.bin/${name}`;

/** Stops a child politely, then firmly; resolves when it is gone. */
export function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		child.kill('SIGTERM');
	});
}
