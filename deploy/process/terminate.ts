// Ends a process politely, then firmly: SIGTERM, a grace period, SIGKILL.
import { isAlive } from './alive.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `pid` is gone; true if it had to be killed. */
export async function terminate(pid: number, graceMs: number): Promise<boolean> {
	if (!isAlive(pid)) return false;
	try {
		process.kill(pid, 'SIGTERM');
	} catch {
		return false;
	}
	const deadline = Date.now() + graceMs;
	while (Date.now() < deadline) {
		if (!isAlive(pid)) return false;
		await sleep(100);
	}
	try {
		process.kill(pid, 'SIGKILL');
	} catch {
		// Gone in the meantime.
	}
	while (isAlive(pid)) await sleep(50);
	return true;
}
