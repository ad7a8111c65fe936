// `npm start`: when the roster file changes under it — an administrator
// applied a version a secretariat announced (routes/api/admin/roster,
// docs/roster-updates.md) — what reads the roster starts again from it: each
// homeserver (its federation allowlist is generated from the roster, and
// Synapse reads it only at start), the bridges and the web app. A file that
// does not load is refused with one paragraph and nothing restarts; the same
// version again (a rewrite with no change) restarts nothing.
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import { describeErrors, type Deployment } from '../policies/roster/file/index.ts';
import { loadDeployment } from '../deploy/roster/load.ts';

export interface RosterWatch {
	readonly paths: { readonly roster: string; readonly sites: readonly string[] };
	/** The version running now. */
	readonly version: number;
	/** Restarts what reads the roster; the next change waits for it. */
	readonly restart: (deployment: Deployment) => Promise<void>;
	readonly log: (line: string) => void;
	/** How often the file's time is looked at (default 1 s). */
	readonly intervalMs?: number;
}

/** Watches the roster file; returns the function that stops watching. */
export function watchRoster(watch: RosterWatch): () => void {
	let running = watch.version;
	let busy: Promise<void> = Promise.resolve();
	const changed = (now: Stats, before: Stats): void => {
		if (now.mtimeMs === before.mtimeMs && now.size === before.size) return;
		busy = busy.then(async () => {
			const read = loadDeployment(watch.paths);
			if (!read.ok) {
				watch.log(`the roster file changed but cannot be used; nothing restarts:\n\n${describeErrors(read.error)}`);
				return;
			}
			const version = read.value.roster.version;
			if (version === running) return;
			watch.log(`roster version ${version} (was ${running}): restarting the homeservers, the bridges and the web app with it`);
			running = version;
			await watch.restart(read.value);
		});
	};
	watchFile(watch.paths.roster, { interval: watch.intervalMs ?? 1_000 }, changed);
	return () => unwatchFile(watch.paths.roster, changed);
}
