// A lock file naming the process that holds it, so that two commands (say
// `npm start` and a test run) never install Synapse or start the same
// profile's homeservers at the same time. A lock left by a dead process is
// taken over; a live holder is reported (tryAcquireLock) or waited for
// (acquireLock).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isAlive } from './alive.ts';

export interface Lock {
	release(): void;
}

function lockAt(path: string): Lock {
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

/** Takes the lock, or returns the pid of the live process holding it. */
export function tryAcquireLock(path: string): Lock | { readonly heldBy: number } {
	mkdirSync(dirname(path), { recursive: true });
	for (let attempt = 0; attempt < 3; attempt += 1) {
		try {
			writeFileSync(path, String(process.pid), { flag: 'wx' });
			return lockAt(path);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		let holder: number;
		try {
			holder = Number(readFileSync(path, 'utf8').trim());
		} catch {
			continue; // Released between our write and our read: try again.
		}
		if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) return { heldBy: holder };
		// NOTE: a stale lock (its holder is dead). Two processes clearing the
		// same stale lock at the same instant could both win; that takes a
		// crash followed by two simultaneous starts, and is accepted.
		rmSync(path, { force: true });
	}
	throw new Error(`could not take the lock ${path}`);
}

/** Takes the lock at `path`, waiting for a live holder to let go; `onWait` hears about it every few seconds. */
export async function acquireLock(path: string, onWait: (holderPid: number) => void): Promise<Lock> {
	for (let waited = 0; ; waited += 1) {
		const outcome = tryAcquireLock(path);
		if (!('heldBy' in outcome)) return outcome;
		if (waited % 10 === 0) onWait(outcome.heldBy);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}
