// A lock file naming the process that holds it, so that two commands (say
// `npm start` and a test run) never install Synapse or start the same
// profile's homeservers at the same time. A lock left by a dead process is
// taken over; a live holder is waited for, with progress.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isAlive } from './alive.ts';

export interface Lock {
	release(): void;
}

function tryTake(path: string): number | 'taken' {
	try {
		writeFileSync(path, String(process.pid), { flag: 'wx' });
		return 'taken';
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	}
	const holder = Number(readFileSync(path, 'utf8').trim());
	if (!Number.isInteger(holder) || holder <= 0 || holder === process.pid || !isAlive(holder)) {
		rmSync(path, { force: true });
		return tryTake(path);
	}
	return holder;
}

/**
 * Takes the lock at `path`, waiting for a live holder to let go. `onWait`
 * hears about the wait every few seconds.
 */
export async function acquireLock(path: string, onWait: (holderPid: number) => void): Promise<Lock> {
	mkdirSync(dirname(path), { recursive: true });
	let waited = 0;
	for (;;) {
		const outcome = tryTake(path);
		if (outcome === 'taken') break;
		if (waited % 10 === 0) onWait(outcome);
		waited += 1;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return {
		release() {
			try {
				if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path, { force: true });
			} catch {
				// Already gone: nothing to release.
			}
		},
	};
}
