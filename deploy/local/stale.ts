// Ends homeservers of a profile left running by an earlier supervisor that
// died without stopping them (killed `npm start`, aborted test run). Called
// only while holding the profile's lock, so no live supervisor owns them.
import { existsSync, readdirSync } from 'node:fs';
import { homeserverFiles, profileFiles } from '../config/layout.ts';
import type { ProfileName } from '../config/profiles.ts';
import { endStaleProcess } from './pid-file.ts';

export async function endStaleHomeservers(root: string, profile: ProfileName, onProgress: (line: string) => void): Promise<void> {
	const dir = profileFiles(root, profile).dir;
	if (!existsSync(dir)) return;
	const folders = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
	await Promise.all(
		folders.map(async (entry) => {
			const files = homeserverFiles(`${dir}/${entry.name}`);
			const pid = await endStaleProcess(files.pid, files.config, 10_000);
			if (pid !== undefined) onProgress(`ended homeserver ${entry.name} (pid ${pid}) left running by an earlier run`);
		}),
	);
}
