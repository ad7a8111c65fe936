// Pid files of the homeservers a supervisor started, so that the next start
// of the same profile can end processes left behind by a crashed run (a
// killed `npm start`, an aborted test run). A pid is only trusted if the
// process's command line still names that homeserver's config file.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAlive } from '../process/alive.ts';
import { commandLine } from '../process/cmdline.ts';
import { terminate } from '../process/terminate.ts';

export function writePidFile(path: string, pid: number): void {
	writeFileSync(path, `${pid}\n`);
}

export function removePidFile(path: string): void {
	rmSync(path, { force: true });
}

/**
 * Ends the process recorded in `pidPath` if it is still the Synapse of
 * `configPath`. Returns its pid when one was ended.
 */
export async function endStaleProcess(pidPath: string, configPath: string, graceMs: number): Promise<number | undefined> {
	if (!existsSync(pidPath)) return undefined;
	const pid = Number(readFileSync(pidPath, 'utf8').trim());
	removePidFile(pidPath);
	if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
	const command = await commandLine(pid);
	if (command === undefined || !command.includes(configPath)) return undefined;
	await terminate(pid, graceMs);
	return pid;
}
