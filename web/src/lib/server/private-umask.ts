// The web server's files (the session database and its WAL) are its owner's
// alone: 0600, in a 0700 folder, however the server was started (the built
// app directly, a service manager, `vite dev`). Called from the server's init
// hook, before the first request opens the database.
// NOTE: deploy/process/private-umask.ts does the same for deploy and scripts;
// web/ imports nothing from deploy/ (ARCHITECTURE.md).
import { isMainThread } from 'node:worker_threads';

export function usePrivateUmask(): void {
	if (!isMainThread) return;
	const previous = process.umask(0o077);
	// Keep anything stricter the old mask had.
	if ((previous | 0o077) !== 0o077) process.umask(previous | 0o077);
}
