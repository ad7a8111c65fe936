// Whom the escalation can tell, as the bridge knows it: its authority's
// person entries from the directory state it keeps (<secrets>/directory.json,
// bridge/directory/state-file.ts) — the 24/7 rota — read afresh at each pass,
// so an editor's change counts from the next pass on. The same person may be
// listed in several networks' directories: the latest entry (by its `updated`
// stamp) stands. An unreadable state file reads as no entries: the chain then
// goes straight to the officers, and the log says why.
import type { PersonEntry } from '../../policies/directory/types.ts';
import { readDirectoryState } from '../directory/state-file.ts';

/** The person entries of every network in the state, one per person (the latest). */
export function personEntriesOf(state: ReturnType<typeof readDirectoryState>): PersonEntry[] {
	const latest = new Map<string, { entry: PersonEntry; at: string }>();
	for (const network of Object.values(state.entries))
		for (const { payload } of Object.values(network)) {
			if (payload.type !== 'person') continue;
			const known = latest.get(payload.entry.id);
			if (known === undefined || known.at < payload.updated.at)
				latest.set(payload.entry.id, { entry: payload.entry, at: payload.updated.at });
		}
	return [...latest.values()].map((l) => l.entry);
}

/** Reads the directory state file's person entries; a file that cannot be read gives none, said once per pass by `log`. */
export function directoryEntries(file: string, log: (line: string) => void): () => PersonEntry[] {
	return () => {
		try {
			return personEntriesOf(readDirectoryState(file));
		} catch (error) {
			log(
				`alerts: the directory state ${file} cannot be read (${error instanceof Error ? error.message : String(error)}); no 24/7 rota this pass`,
			);
			return [];
		}
	};
}
