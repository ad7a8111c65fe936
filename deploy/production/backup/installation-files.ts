// Where `rogatory restore` reads the installation's own files that say where
// everything goes (Synapse's homeserver.yaml, the site file): on a machine
// restored onto, they are not there yet — they are in the backup, in the
// copy of the configuration folder they belong to. A file that is on the
// machine is read there; one that is missing, from the backup's copy of the
// folder it is in (its paths still taken from where it belongs). Pure.
import { isAbsolute, join, relative, sep } from 'node:path';

export interface ConfigFolders {
	/** Synapse's configuration folder (backed up as synapse-config/). */
	readonly synapse: string;
	/** Rogatory's (backed up as rogatory-config/). */
	readonly rogatory: string;
}

function inside(folder: string, file: string): string | undefined {
	const rel = relative(folder, file);
	return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? undefined : rel;
}

/**
 * The copy of `file` in the backup at `from`, when `file` is in one of the
 * configuration folders (the deepest one: the demo keeps Rogatory's folder
 * inside Synapse's); undefined otherwise.
 */
export function copyInBackup(file: string, from: string, folders: ConfigFolders): string | undefined {
	const candidates = [
		{ part: 'rogatory-config', folder: folders.rogatory },
		{ part: 'synapse-config', folder: folders.synapse },
	]
		.map(({ part, folder }) => ({ part, folder, rel: inside(folder, file) }))
		.filter((c): c is { part: string; folder: string; rel: string } => c.rel !== undefined)
		.sort((a, b) => b.folder.split(sep).length - a.folder.split(sep).length);
	const best = candidates[0];
	return best === undefined ? undefined : join(from, best.part, best.rel);
}
