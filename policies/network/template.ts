// The template every network and joint room shares, on top of the service-room
// template (policies/rooms/service-room.ts): invitation-free join rules come
// from the caller, the rest from the room's kind — who posts (kinds.ts), a
// space's type, the kind marker, history shared with members.
// NOTE: history is `shared`: members see what was sent before they joined, as
// far as they hold its keys. Megolm gives a newcomer no earlier keys by itself;
// `shared` is what lets a later key-sharing step (the secretariat re-sending,
// or history sharing on invite, MSC4268) give a new member authority the
// library and past announcements. The directory rooms stay `joined`: their
// bridges re-send every entry anyway. Pure.
import type { RoomId } from '../cases/ids/matrix.ts';
import type { ServerAclContent } from '../rooms/server-acl.ts';
import { serviceRoomRequest, type JoinRule, type ServiceRoomPower, type ServiceRoomRequest } from '../rooms/service-room.ts';
import { isSpaceKind, WHO_POSTS, type RoomKind } from './kinds.ts';
import { ROOM_MARKER_KEY, type RoomMarker } from './marker.ts';
import { NETWORK_BRIDGE_POWER, SECRETARIAT_STAFF_POWER } from './members.ts';
import { spaceParentState, type SpaceParentContent } from './space-links.ts';

/** The body of a secretariat service account's `POST /createRoom`. */
export type NetworkRoomRequest = ServiceRoomRequest<'private_chat'>;

export interface NetworkRoomSpec {
	readonly marker: RoomMarker;
	readonly aliasLocalpart: string;
	readonly acl: ServerAclContent;
	readonly joinRule: JoinRule;
	readonly creator: string;
	readonly additionalCreators?: readonly string[];
	/** Bridges and staff above 0 (members.ts). */
	readonly users: Readonly<Record<string, number>>;
	/** The space this room belongs to, pointed back at from its creation on. */
	readonly parent?: { readonly space: RoomId; readonly content: SpaceParentContent };
}

/** The power levels of a network room of this kind. */
export function networkRoomPower(kind: RoomKind, users: Readonly<Record<string, number>>): ServiceRoomPower {
	return {
		users,
		events_default: WHO_POSTS[kind] === 'members' ? 0 : SECRETARIAT_STAFF_POWER,
		invite: NETWORK_BRIDGE_POWER,
		kick: SECRETARIAT_STAFF_POWER,
		ban: SECRETARIAT_STAFF_POWER,
		redact: SECRETARIAT_STAFF_POWER,
		// Pinned event IDs are state (readable by servers, IDs only): the staff pin the minutes.
		events: { 'm.room.pinned_events': SECRETARIAT_STAFF_POWER },
	};
}

export function networkRoomRequest(spec: NetworkRoomSpec): NetworkRoomRequest {
	const kind = spec.marker.kind;
	return serviceRoomRequest({
		preset: 'private_chat',
		aliasLocalpart: spec.aliasLocalpart,
		acl: spec.acl,
		joinRule: spec.joinRule,
		historyVisibility: 'shared',
		power: networkRoomPower(kind, spec.users),
		creator: spec.creator,
		...(spec.additionalCreators === undefined ? {} : { additionalCreators: spec.additionalCreators }),
		creation: { ...(isSpaceKind(kind) ? { type: 'm.space' } : {}), [ROOM_MARKER_KEY]: spec.marker },
		extraState: spec.parent === undefined ? [] : [spaceParentState(spec.parent.space, spec.parent.content)],
	});
}
