// A network's rooms and the rooms of the pairs of networks the roster links
// (docs/network-rooms.md): templates and plans a secretariat's service account
// carries out. Pure.
export {
	aliasOn,
	isSpaceKind,
	isWorkingGroupNumber,
	jointAliasLocalpart,
	MAX_WORKING_GROUP,
	NETWORK_CHILD_KINDS,
	networkAliasLocalpart,
	ROOM_KINDS,
	WHO_POSTS,
	type JointRoomKind,
	type NetworkChildKind,
	type NetworkRoomKind,
	type RoomKind,
} from './kinds.ts';
export { ROOM_MARKER_KEY, ROOM_MARKER_VERSION, roomMarker, roomMarkerOf, type CreateEvent, type RoomMarker } from './marker.ts';
export {
	NETWORK_BRIDGE_POWER,
	SECRETARIAT_SERVICE_PREFIX,
	SECRETARIAT_STAFF_POWER,
	networkPowerUsers,
	networkServers,
	secretariatServiceAccount,
	secretariatStaff,
	serversOf,
	type ServerNames,
} from './members.ts';
export { networkPair, networkPairs, type NetworkPair } from './pairs.ts';
export { hostedSecretariats, networkSecretariat, type NetworkSecretariat } from './secretariat.ts';
export { spaceChildState, spaceParentState, type SpaceChildContent, type SpaceParentContent } from './space-links.ts';
export { networkRoomPower, networkRoomRequest, type NetworkRoomRequest, type NetworkRoomSpec } from './template.ts';
export {
	childRoomRequest,
	networkRoomsPlan,
	type LinkedRoom,
	type NetworkRoomsOptions,
	type NetworkRoomsPlan,
	type PlannedChild,
} from './plan.ts';
export { jointChannelRequest, jointRoomsPlan, jointSpaceRequest, type JointRoomsPlan, type PlannedJointRoom } from './joint.ts';
export { homeserverPeers, jointFederationPeers, jointParties } from './joint-parties.ts';
