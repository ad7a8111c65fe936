// Whether a room is one of a network's rooms (its space, announcements,
// plenary, library, working groups; docs/network-rooms.md) rather than a case
// room: its create event carries Rogatory's room marker. Such a room is never
// listed or folded as a case, whoever created it; whether to trust it as a
// network room is a separate question (policies/network/marker.ts checks the
// creator against the network's service account).
import type { Room } from './sdk.ts';
import { ROOM_MARKER_KEY } from '#policies/network/marker.ts';

export function isNetworkRoom(room: Room): boolean {
	const content: unknown = room.currentState.getStateEvents('m.room.create', '')?.getContent();
	return typeof content === 'object' && content !== null && ROOM_MARKER_KEY in content;
}
