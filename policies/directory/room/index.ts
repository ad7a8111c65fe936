// The directory room of a network (docs/directory.md, "The room"): its keeper,
// its alias, its template and who edits an authority's entries.
export { EDITOR_ROLES, directoryEditors } from './editors.ts';
export { directoryAlias, directoryAliasLocalpart, directoryKeeper, networkAuthorities, networksOf } from './keeper.ts';
export { DIRECTORY_ROOM_VERSION, directoryRoomRequest, type DirectoryRoomRequest, type DirectoryRoomServers } from './room-request.ts';
export {
	POINTS_ROOM_BRIDGE_POWER,
	points247Of,
	pointsAlias,
	pointsAliasLocalpart,
	pointsRoomRequest,
	type PointsRoomRequest,
} from './points-room.ts';
