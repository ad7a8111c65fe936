// The last-administrator guard of offboarding (issue 13, docs/offboarding.md):
// before a person's account is deactivated, every room they are joined to is
// checked, and the rooms they alone can still change are named so that an
// administrator hands them over first. Pure over each room's state as plain
// data (m.room.create and m.room.power_levels contents, the joined members).
//
// What "last administrator" means here, precisely:
// - "May change the room" = may send the m.room.power_levels state event:
//   whoever may do that may grant themselves or anyone every other power
//   (settings, ACL, kicks), so it is the power that must survive.
// - A member's level: a room-version-12 creator (the create event's sender
//   and its additional_creators) has unlimited power that nobody can lower;
//   anyone else has users[id], else users_default, else 0. The level needed
//   is events["m.room.power_levels"], else state_default, else 50; with no
//   power-levels event at all, any member may send state (state_default 0).
// - The person is the last administrator of a room when they may change it
//   and no OTHER joined member may. Invited, left or banned members do not
//   count: they cannot act until they join. Members of other homeservers and
//   bots count like anyone else: a case room whose counterpart (or another
//   colleague) also holds the power is not blocked.
// - A room-12 co-creator who stays is never-last for the person: their power
//   is permanent. A room whose only joined member is the person is not
//   blocked either: nobody is left behind to lose the power.
// - Handing over = the person (or anyone with the power) raises another
//   joined member to the needed level; nobody has to be lowered.
// A deactivated account's creator power is useless (it can no longer act),
// so creators are not exempt from the guard themselves.

export interface RoomPowerState {
	readonly roomId: string;
	/** The m.room.create event's sender and content (room_version, additional_creators). */
	readonly create: { readonly sender: string; readonly content: Readonly<Record<string, unknown>> } | undefined;
	/** The m.room.power_levels content; undefined when the room has none. */
	readonly powerLevels: Readonly<Record<string, unknown>> | undefined;
	/** User IDs whose membership is "join". */
	readonly joined: readonly string[];
}

/** Room versions whose creators hold unlimited, permanent power (MSC4289). */
const CREATOR_POWER_VERSIONS: ReadonlySet<string> = new Set(['12']);

export function roomCreators(create: RoomPowerState['create']): readonly string[] {
	if (create === undefined) return [];
	const version = typeof create.content['room_version'] === 'string' ? create.content['room_version'] : '1';
	if (!CREATOR_POWER_VERSIONS.has(version)) return [];
	const additional = create.content['additional_creators'];
	const more = Array.isArray(additional) ? additional.filter((id): id is string => typeof id === 'string') : [];
	return [create.sender, ...more];
}

const integer = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) ? value : undefined);

const field = (content: Readonly<Record<string, unknown>>, key: string): Readonly<Record<string, unknown>> => {
	const value = content[key];
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
};

/** Whether `userId` may send m.room.power_levels in this room (see the header). */
export function mayChangeRoom(room: RoomPowerState, userId: string): boolean {
	if (roomCreators(room.create).includes(userId)) return true;
	const levels = room.powerLevels;
	if (levels === undefined) return true;
	const level = integer(field(levels, 'users')[userId]) ?? integer(levels['users_default']) ?? 0;
	const needed = integer(field(levels, 'events')['m.room.power_levels']) ?? integer(levels['state_default']) ?? 50;
	return level >= needed;
}

/** Whether `userId` is the last joined member who may change the room. */
export function isLastAdministrator(room: RoomPowerState, userId: string): boolean {
	if (!room.joined.includes(userId) || !mayChangeRoom(room, userId)) return false;
	const others = room.joined.filter((member) => member !== userId);
	return others.length > 0 && !others.some((member) => mayChangeRoom(room, member));
}

/** The IDs of the rooms `userId` must hand over before leaving them all, in the order given. */
export function roomsToHandOver(rooms: readonly RoomPowerState[], userId: string): readonly string[] {
	return rooms.filter((room) => isLastAdministrator(room, userId)).map((room) => room.roomId);
}
