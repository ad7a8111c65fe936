// Builds the content of a directory event: the payload under DIRECTORY_KEY
// plus a readable English body for stock clients, as an `m.notice` (an
// automated notice: stock clients do not notify for it and never answer it).
// Whoever sends it should have it pass parseDirectoryContent first; the
// readers refuse what does not.
import type { DirectoryPayload } from '../types.ts';
import { DIRECTORY_KEY, DIRECTORY_LIMITS, DIRECTORY_VERSION } from './namespace.ts';

/** One line a stock client shows, e.g. "Directory: Ana López (gt-mp) updated". */
export function directoryBody(payload: DirectoryPayload): string {
	switch (payload.type) {
		case 'authority': {
			const name = Object.values(payload.entry.names)[0] ?? payload.entry.authority;
			return `Directory: ${name} (${payload.entry.authority}) updated`;
		}
		case 'person':
			return `Directory: ${payload.entry.name} (${payload.entry.authority}) updated`;
		case 'removed':
			return `Directory: ${payload.person} (${payload.authority}) ${payload.why === 'departed' ? 'has left' : 'removed'}`;
		case 'contact':
			// NOTE: never the phone or the e-mail: stock clients show the body.
			return `Directory: contact details of ${payload.person} (${payload.authority}) updated`;
		case 'editors':
			return `Directory: editors of ${payload.authority} updated (${payload.editors.length})`;
	}
}

const clip = (body: string): string => (body.length <= DIRECTORY_LIMITS.body ? body : `${body.slice(0, DIRECTORY_LIMITS.body - 1)}…`);

/** The `m.room.message` content that carries `payload`. */
export function buildDirectoryContent(payload: DirectoryPayload): Record<string, unknown> {
	return {
		msgtype: 'm.notice',
		body: clip(directoryBody(payload)),
		'm.mentions': {},
		[DIRECTORY_KEY]: { version: DIRECTORY_VERSION, ...payload },
	};
}
