// The command line of a running process, to check that a pid from a pid
// file still names the process that wrote it and not a recycled pid.
import { readFileSync } from 'node:fs';
import { run } from './run.ts';

export async function commandLine(pid: number): Promise<string | undefined> {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
	} catch {
		// No /proc (macOS): ask ps.
		const ps = await run('ps', ['-o', 'command=', '-p', String(pid)]);
		return ps.code === 0 ? ps.stdout.trim() : undefined;
	}
}
