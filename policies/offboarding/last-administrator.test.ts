import { describe, expect, it } from 'vitest';
import { isLastAdministrator, mayChangeRoom, roomCreators, roomsToHandOver, type RoomPowerState } from './last-administrator.ts';

const A = '@ana:gt-mp.test';
const B = '@bruno:sv-fgr.test';
const C = '@carla:gt-mp.test';

const room = (over: Partial<RoomPowerState>): RoomPowerState => ({
	roomId: '!r:gt-mp.test',
	create: { sender: A, content: { room_version: '10' } },
	powerLevels: { users: { [A]: 100 }, users_default: 0, events: { 'm.room.power_levels': 100 } },
	joined: [A, B],
	...over,
});

describe('the last-administrator guard', () => {
	it('names a room where the person alone may change the power levels', () => {
		expect(isLastAdministrator(room({}), A)).toBe(true);
		expect(roomsToHandOver([room({ roomId: '!one:x' }), room({ roomId: '!two:x', joined: [A] })], A)).toEqual(['!one:x']);
	});

	it('lets the person go once another joined member holds the power (a case room with its counterpart)', () => {
		expect(isLastAdministrator(room({ powerLevels: { users: { [A]: 100, [B]: 100 }, events: { 'm.room.power_levels': 100 } } }), A)).toBe(
			false,
		);
	});

	it('does not count an invited or departed member with power', () => {
		const powers = { users: { [A]: 100, [C]: 100 }, events: { 'm.room.power_levels': 100 } };
		expect(isLastAdministrator(room({ powerLevels: powers, joined: [A, B] }), A)).toBe(true);
	});

	it('uses state_default, then 50, when the power-levels event names no level for it', () => {
		expect(mayChangeRoom(room({ powerLevels: { users: { [B]: 50 } } }), B)).toBe(true);
		expect(mayChangeRoom(room({ powerLevels: { users: { [B]: 49 } } }), B)).toBe(false);
		expect(mayChangeRoom(room({ powerLevels: { users: { [B]: 60 }, state_default: 75 } }), B)).toBe(false);
		expect(mayChangeRoom(room({ powerLevels: { users_default: 100 } }), B)).toBe(true);
	});

	it('lets anyone change a room without power levels, so nobody is last there', () => {
		expect(isLastAdministrator(room({ powerLevels: undefined }), A)).toBe(false);
	});

	it('gives room-12 creators permanent power: a staying co-creator is never left without it', () => {
		const v12 = { sender: A, content: { room_version: '12', additional_creators: [B] } };
		expect(roomCreators(v12)).toEqual([A, B]);
		expect(isLastAdministrator(room({ create: v12, powerLevels: { users: {}, events: { 'm.room.power_levels': 100 } } }), A)).toBe(false);
		const alone = { sender: A, content: { room_version: '12' } };
		expect(isLastAdministrator(room({ create: alone, powerLevels: { users: {}, events: { 'm.room.power_levels': 100 } } }), A)).toBe(true);
	});

	it('gives creators of older room versions no power of their own', () => {
		expect(roomCreators({ sender: A, content: { room_version: '11' } })).toEqual([]);
		expect(mayChangeRoom(room({ powerLevels: { users: {} } }), A)).toBe(false);
	});

	it('is not asked about a room the person is not joined to', () => {
		expect(isLastAdministrator(room({ joined: [B] }), A)).toBe(false);
	});
});
