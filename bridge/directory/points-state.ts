// What the bridge remembers of its networks' 24/7 rooms between runs
// (docs/directory.md, "Contact details for 24/7 points only"), in its own
// JSON file beside directory.json (mode 0600, written whole): each network's
// 24/7 room and its authority's current `contact` payloads, which it re-sends
// when someone joins (own-entries.ts).
// NOTE: the phones and e-mails are in the clear here, like the directory's
// entries in directory.json: the bridge's machine is the authority's own.
import { existsSync, readFileSync } from 'node:fs';
import { writeSecret } from '../matrix/secret-files.ts';
import type { OwnEntries } from './own-entries.ts';

export interface PointsState {
	/** Network → its 24/7 room. */
	readonly rooms: Readonly<Record<string, string>>;
	/** Network → this authority's current `contact` payloads. */
	readonly entries: Readonly<Record<string, OwnEntries>>;
}

export const EMPTY_POINTS_STATE: PointsState = { rooms: {}, entries: {} };

/** The 24/7 rooms' file beside the directory's: `directory.json` → `directory-24-7.json`. */
export const pointsStateFile = (directoryStateFile: string): string => directoryStateFile.replace(/(\.json)?$/, '-24-7.json');

export function readPointsState(path: string): PointsState {
	if (!existsSync(path)) return EMPTY_POINTS_STATE;
	const read = JSON.parse(readFileSync(path, 'utf8')) as Partial<PointsState>;
	return { ...EMPTY_POINTS_STATE, ...read };
}

export function writePointsState(path: string, state: PointsState): void {
	writeSecret(path, `${JSON.stringify(state, null, '\t')}\n`);
}
