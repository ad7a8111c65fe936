// A new device's request for the entries again (docs/directory.md, "Late
// joiners"). Megolm gives a device no keys to what was sent before it
// existed; the bridges re-send on a join and on a new signed device, but they
// can only guess when the device is known to their crypto. So the device
// says so itself, once per directory room: an encrypted notice that carries
// nothing but this key. A bridge that decrypts it knows the device by then,
// and its re-send reaches it. The ask names no one and holds nothing.
import { NAMESPACE } from '../../cases/vocabulary/namespace.ts';

/** The content key of an ask; its value is `{version: 1}`. */
export const DIRECTORY_ASK_KEY = `${NAMESPACE}.directory_ask` as const;

/** The `m.room.message` content of an ask. */
export function buildDirectoryAsk(): Record<string, unknown> {
	return {
		msgtype: 'm.notice',
		body: 'Directory: a new device asks for the entries again',
		'm.mentions': {},
		[DIRECTORY_ASK_KEY]: { version: 1 },
	};
}

/** Whether a decrypted content is an ask (anything else under the key is not one). */
export function isDirectoryAsk(content: unknown): boolean {
	if (typeof content !== 'object' || content === null || Array.isArray(content)) return false;
	const ask: unknown = (content as Record<string, unknown>)[DIRECTORY_ASK_KEY];
	return typeof ask === 'object' && ask !== null && !Array.isArray(ask) && (ask as Record<string, unknown>)['version'] === 1;
}
