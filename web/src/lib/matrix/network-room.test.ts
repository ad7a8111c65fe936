import { describe, expect, it } from 'vitest';
import { isNetworkRoom } from './network-room.ts';
import type { Room } from './sdk.ts';

/** A room whose create event has this content (or no create event). */
const roomWith = (content: Record<string, unknown> | undefined): Room =>
	({
		currentState: {
			getStateEvents: (type: string, key: string) =>
				type === 'm.room.create' && key === '' && content !== undefined ? { getContent: () => content } : null,
		},
	}) as unknown as Room;

describe('a network room, never a case room', () => {
	it('is told by the room marker in its create event', () => {
		expect(isNetworkRoom(roomWith({ 'org.rogatory.room': { version: 1, kind: 'plenary', networks: ['REFCO'] } }))).toBe(true);
		expect(isNetworkRoom(roomWith({ room_version: '12' }))).toBe(false);
		expect(isNetworkRoom(roomWith(undefined))).toBe(false);
	});
});
