// Whether a process id names a live process (signal 0 probes without
// killing). A zombie — dead, waiting for its parent to reap it — counts as
// dead; kill(pid, 0) alone would call it alive (Linux only: /proc).
import { readFileSync } from 'node:fs';

function isZombie(pid: number): boolean {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The state follows the parenthesised command name, which may contain spaces.
		return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
	} catch {
		return false;
	}
}

export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
	} catch (error) {
		// EPERM: it exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
	return !isZombie(pid);
}
