// Where a directory event keeps its payload, and the caps on what it may hold.
// Directory events come from other authorities' people; the parser refuses
// anything longer than these instead of carrying it into the fold and the UI.
// NOTE: a whole Matrix event is capped at 65,536 bytes (spec: "Size limits"),
// so no single field here needs more.
import { NAMESPACE } from '../../cases/vocabulary/namespace.ts';

/** The content key that holds a directory event's payload (docs/directory.md, "Events"). */
export const DIRECTORY_KEY = `${NAMESPACE}.directory` as const;

/** The payload format version this code writes and reads. */
export const DIRECTORY_VERSION = 1 as const;

/** The payload types (types.ts, DirectoryPayload). */
export const DIRECTORY_EVENT_TYPES = ['authority', 'person', 'removed', 'contact', 'editors'] as const;

export const DIRECTORY_LIMITS = {
	body: 2_000,
	/** A name, a title, a document title. */
	name: 200,
	/** Requirements, urgent procedure: per language. */
	longText: 8_000,
	/** Languages one Texts value may hold. */
	texts: 12,
	languages: 20,
	channels: 20,
	channelValue: 300,
	documents: 30,
	url: 2_000,
	offences: 50,
	/** On-call periods of one person. */
	rota: 400,
	editors: 100,
	personId: 255,
} as const;
