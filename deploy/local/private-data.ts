// At each start of a profile, before anything runs: `.data/` and the
// profile's folder, with everything in it (homeservers, CA, bridges, web
// sessions), made private to their owner — data an older version wrote under
// a looser umask included — and the progress output says what changed and
// what was left alone (private-tree.ts says why).
import { join, relative } from 'node:path';
import { profileFiles } from '../config/layout.ts';
import type { ProfileName } from '../config/profiles.ts';
import { tightenTree, type LeftAlone } from './private-tree.ts';

const SHOWN = 5;

function listed(entries: readonly string[]): string {
	const shown = entries.slice(0, SHOWN).join('; ');
	return entries.length > SHOWN ? `${shown}; and ${entries.length - SHOWN} more` : shown;
}

/** Tightens the profile's data; returns the progress lines to print (none when all was private already). */
export function tightenProfileData(root: string, profile: ProfileName): string[] {
	const dataDir = join(root, '.data');
	const profileDir = profileFiles(root, profile).dir;
	const shown = (top: string, path: string): string => join(relative(root, top), path);
	const outer = tightenTree(dataDir, { recursive: false });
	const inner = tightenTree(profileDir);
	const tightened = [...outer.tightened.map((p) => shown(dataDir, p)), ...inner.tightened.map((p) => shown(profileDir, p))];
	const leftAlone: LeftAlone[] = [
		...outer.leftAlone.map((l) => ({ ...l, path: shown(dataDir, l.path) })),
		...inner.leftAlone.map((l) => ({ ...l, path: shown(profileDir, l.path) })),
	];
	const lines: string[] = [];
	if (tightened.length > 0)
		lines.push(
			`made ${tightened.length} files and folders under ${relative(root, profileDir)} private to their owner ` +
				`(files 0600, folders 0700): an older version had left them readable by others (${listed(tightened)})`,
		);
	if (leftAlone.length > 0)
		lines.push(
			`left alone in the data folders — check that no one else can read them: ${listed(leftAlone.map((l) => `${l.path} (${l.reason})`))}`,
		);
	return lines;
}
