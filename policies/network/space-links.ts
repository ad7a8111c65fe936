// The links between a space and its rooms (Matrix spec, "Spaces"): the space
// holds an `m.space.child` per room, its state key the room's ID; each room
// may point back with `m.space.parent`. Both need `via`, the servers to join
// through — servers that stay in the room: the secretariat's (its service
// account created the room and never leaves). Room IDs exist only once the
// rooms do, so the plan carries the contents and these functions add the IDs.
// Pure.
import type { RoomId } from '../cases/ids/matrix.ts';
import type { StateEvent } from '../rooms/case-room.ts';

export interface SpaceChildContent {
	readonly via: readonly string[];
	/** Sorts the space's rooms (printable ASCII, ≤ 50 characters). */
	readonly order: string;
	/** Offered to every member to join (announcements, plenary…), or found when looked for (working groups). */
	readonly suggested: boolean;
}

export interface SpaceParentContent {
	readonly via: readonly string[];
	readonly canonical: true;
}

/** The `m.space.child` the space gets for a room once it exists. */
export function spaceChildState(room: RoomId, content: SpaceChildContent): StateEvent {
	return { type: 'm.space.child', state_key: room, content: { via: [...content.via], order: content.order, suggested: content.suggested } };
}

/** The `m.space.parent` a room carries from its creation on. */
export function spaceParentState(space: RoomId, content: SpaceParentContent): StateEvent {
	return { type: 'm.space.parent', state_key: space, content: { via: [...content.via], canonical: true } };
}
