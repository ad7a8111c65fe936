// What a secretariat's service account remembers of its network's rooms
// between runs (docs/network-rooms.md, "Carrying out a plan"), in one JSON file
// in its bridge's secrets folder (mode 0600, written whole), apart from the
// directory's (bridge/directory/state-file.ts): the room each alias of a plan
// resolved to, the rooms each space already lists (`m.space.child` sent) and
// who was invited into each space, so that a restart neither re-sends nor
// re-invites. It holds room IDs and user IDs only, never room contents.
import { existsSync, readFileSync } from 'node:fs';
import { writeSecret } from '../matrix/secret-files.ts';

export interface NetworkRoomsState {
	/** Alias → the room it resolved to or was created with. */
	readonly rooms: Readonly<Record<string, string>>;
	/** Space → the rooms whose `m.space.child` it holds. */
	readonly listed: Readonly<Record<string, readonly string[]>>;
	/** Space → the users invited into it (or found in it already). */
	readonly invited: Readonly<Record<string, readonly string[]>>;
}

export const EMPTY_NETWORK_ROOMS_STATE: NetworkRoomsState = { rooms: {}, listed: {}, invited: {} };

export function readNetworkRoomsState(path: string): NetworkRoomsState {
	if (!existsSync(path)) return EMPTY_NETWORK_ROOMS_STATE;
	const read = JSON.parse(readFileSync(path, 'utf8')) as Partial<NetworkRoomsState>;
	return { ...EMPTY_NETWORK_ROOMS_STATE, ...read };
}

export function writeNetworkRoomsState(path: string, state: NetworkRoomsState): void {
	writeSecret(path, `${JSON.stringify(state, null, '\t')}\n`);
}

/** The state with `item` added to `key`'s list (once). */
export function withListed(
	lists: Readonly<Record<string, readonly string[]>>,
	key: string,
	item: string,
): Readonly<Record<string, readonly string[]>> {
	const list = lists[key] ?? [];
	return list.includes(item) ? lists : { ...lists, [key]: [...list, item] };
}
