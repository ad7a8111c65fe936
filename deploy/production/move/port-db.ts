// Runs Synapse's own synapse_port_db from the installation's venv (the same
// Synapse version as the server that wrote the SQLite file): without
// --curses, its progress read line by line (progress.ts), its log kept out of
// sight unless it fails, when its last lines and its own reason are given
// back. Wiring only.
import { spawn } from 'node:child_process';
import { err, ok, type Result } from '../../../policies/result.ts';
import { failureReason, progressText } from './progress.ts';

export interface PortRequest {
	/** The installation's Synapse venv's python. */
	readonly python: string;
	readonly sqlite: string;
	/** A homeserver.yaml with the target's database section (the installation's own). */
	readonly postgresConfig: string;
	/** A folder of its own to run in. */
	readonly cwd: string;
	readonly log: (line: string) => void;
}

function pythonEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' };
	delete env['PYTHONPATH'];
	delete env['PYTHONHOME'];
	return env;
}

export function runPortDb(request: PortRequest): Promise<Result<void, string>> {
	const args = ['-m', 'synapse._scripts.synapse_port_db', '--sqlite-database', request.sqlite, '--postgres-config', request.postgresConfig];
	return new Promise((resolve) => {
		let stderr = '';
		let pending = '';
		const child = spawn(request.python, args, { cwd: request.cwd, env: pythonEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
		child.stdout.on('data', (chunk: Buffer) => {
			pending += chunk.toString();
			const lines = pending.split('\n');
			pending = lines.pop() ?? '';
			for (const line of lines) {
				const shown = progressText(line);
				if (shown !== undefined) request.log(shown);
			}
		});
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', (error) => resolve(err(`synapse_port_db could not be started with ${request.python}: ${error.message}`)));
		child.on('close', (code, signal) => {
			if (code === 0) resolve(ok(undefined));
			else
				resolve(
					err(`synapse_port_db failed (${signal === null ? `exit code ${code ?? '?'}` : `signal ${signal}`}):\n${failureReason(stderr)}`),
				);
		});
	});
}
