// Whether a room carries a network room's kind marker in its create event
// (policies/network/marker.ts), read from the SDK's room state — the stripped
// state of an invitation included. The case rooms' code leaves such rooms
// alone: an invitation to a network's space is the person's to accept on the
// network page (lib/networks/), never accepted for them as a case room's is.
// NOTE: the presence of the key only; whether the marker is trusted (its
// creator the network's service account) is the network page's question.
import { ROOM_MARKER_KEY } from '#policies/network/marker.ts';
import type { Room } from './sdk.ts';

export function hasRoomMarker(room: Room): boolean {
	const content: unknown = room.currentState.getStateEvents('m.room.create', '')?.getContent();
	return typeof content === 'object' && content !== null && ROOM_MARKER_KEY in content;
}
