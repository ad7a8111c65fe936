// Every file a Rogatory process creates is its owner's alone: umask 077, so
// new files are 0600 and new folders 0700 (homeserver databases hold access
// tokens; bridge registers, the CA key, secrets, logs, media and the web
// session database are no one else's business either). scripts/bootstrap.sh
// sets it for everything started through npm; Node entry points call this too,
// so a process started some other way (vitest alone, node <entry>) is no
// looser. Children inherit it (Synapse, bridges, the web server).
import { isMainThread } from 'node:worker_threads';

export const PRIVATE_UMASK = 0o077;

/** Adds 077 to the process's umask (a stricter one is kept). */
export function usePrivateUmask(): void {
	// NOTE: worker threads cannot change the process's umask (Node throws); they share the main thread's.
	if (!isMainThread) return;
	// NOTE: set, then widen back to anything stricter the old mask had; reading
	// the umask alone (process.umask() without argument) is deprecated.
	const previous = process.umask(PRIVATE_UMASK);
	if ((previous | PRIVATE_UMASK) !== PRIVATE_UMASK) process.umask(previous | PRIVATE_UMASK);
}
