// What the bridge remembers of its directory rooms between runs, in one JSON
// file in its secrets folder (mode 0600, written whole): each network's room,
// the `editors` payload last sent there (so it is sent again only when the
// people file changed), one about to be sent (so a send retried after a
// crash is the same request, with the same transaction ID) and its
// authority's current entries for late joiners (own-entries.ts), and the
// members' signed devices it has seen (new-devices.ts).
// NOTE: the entries are directory content in the clear, like the register's
// case content: the bridge's machine is the authority's own.
import { existsSync, readFileSync } from 'node:fs';
import type { DirectoryPayload } from '../../policies/directory/types.ts';
import { writeSecret } from '../matrix/secret-files.ts';
import type { SeenDevices } from './new-devices.ts';
import type { OwnEntries } from './own-entries.ts';

export type EditorsPayload = Extract<DirectoryPayload, { type: 'editors' }>;

export interface SentEditors {
	readonly room: string;
	readonly payload: EditorsPayload;
}

export interface DirectoryState {
	/** Network → its directory room. */
	readonly rooms: Readonly<Record<string, string>>;
	/** Network → the `editors` payload last sent, and where. */
	readonly editorsSent: Readonly<Record<string, SentEditors>>;
	/** Network → the `editors` payload being sent. */
	readonly editorsPending: Readonly<Record<string, SentEditors>>;
	/** Network → this authority's current entries. */
	readonly entries: Readonly<Record<string, OwnEntries>>;
	/** Directory members → their signed devices seen (new-devices.ts). */
	readonly devices: SeenDevices;
}

export const EMPTY_STATE: DirectoryState = { rooms: {}, editorsSent: {}, editorsPending: {}, entries: {}, devices: {} };

export function readDirectoryState(path: string): DirectoryState {
	if (!existsSync(path)) return EMPTY_STATE;
	const read = JSON.parse(readFileSync(path, 'utf8')) as Partial<DirectoryState>;
	return { ...EMPTY_STATE, ...read };
}

export function writeDirectoryState(path: string, state: DirectoryState): void {
	writeSecret(path, `${JSON.stringify(state, null, '\t')}\n`);
}
