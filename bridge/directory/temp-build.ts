// TEMP until dir-core lands: policies/directory/events/build.ts's
// buildDirectoryContent, with the same signature and content shape; the lead
// swaps the import in presence.ts and deletes this file.
import type { DirectoryPayload } from '../../policies/directory/types.ts';

export const DIRECTORY_KEY = 'org.rogatory.directory';

/** The `m.room.message` content that carries `payload`. */
export function buildDirectoryContent(payload: DirectoryPayload): Record<string, unknown> {
	const about = payload.type === 'authority' || payload.type === 'person' ? payload.entry.authority : payload.authority;
	return {
		msgtype: 'm.notice',
		body: `Directory: ${payload.type} of ${about} updated`,
		'm.mentions': {},
		[DIRECTORY_KEY]: { version: 1, ...payload },
	};
}
