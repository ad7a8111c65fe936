import { describe, expect, it } from 'vitest';
import { isCaseRoomCandidate } from './cases.ts';
import { directoryEvents, isDirectoryRoom, knownDirectoryRoom } from './directory-room.ts';
import type { MatrixClient, Room } from './sdk.ts';

interface FakeEvent {
	id: string;
	content: Record<string, unknown>;
	type?: string;
	status?: string | null;
	failed?: boolean;
}

function fakeRoom(roomId: string, alias: string | undefined, events: FakeEvent[] = []): Room {
	const state: Record<string, Record<string, unknown>> = {
		'm.room.server_acl': { allow: ['a'] },
		...(alias === undefined ? {} : { 'm.room.canonical_alias': { alias } }),
	};
	return {
		roomId,
		getMyMembership: () => 'join',
		hasEncryptionStateEvent: () => true,
		currentState: { getStateEvents: (type: string) => (type in state ? { getContent: () => state[type] } : null) },
		getLiveTimeline: () => ({
			getEvents: () =>
				events.map((e) => ({
					getId: () => e.id,
					status: e.status ?? null,
					getType: () => e.type ?? 'm.room.message',
					getContent: () => e.content,
					getSender: () => '@lucia:mp.gt',
					isDecryptionFailure: () => e.failed === true,
					isRedacted: () => false,
				})),
		}),
	} as unknown as Room;
}

const ALIAS = '#rogatory-directory-refco:fgr.sv';

describe('directory rooms', () => {
	it('are told by their canonical alias, and are never taken for case rooms', () => {
		const directory = fakeRoom('!d:fgr.sv', ALIAS);
		const caseRoom = fakeRoom('!c:mp.gt', undefined);
		expect(isDirectoryRoom(directory)).toBe(true);
		expect(isDirectoryRoom(caseRoom)).toBe(false);
		expect(isDirectoryRoom(fakeRoom('!o:x', '#somewhere-else:x'))).toBe(false);
		expect(isCaseRoomCandidate(directory)).toBe(false);
		expect(isCaseRoomCandidate(caseRoom)).toBe(true);
	});

	it('are found among the kept rooms by alias, else by the room the alias named before', () => {
		const kept = fakeRoom('!d:fgr.sv', ALIAS);
		const plain = fakeRoom('!p:fgr.sv', undefined);
		const client = {
			getRooms: () => [plain, kept],
			getRoom: (id: string) => [plain, kept].find((r) => r.roomId === id) ?? null,
		} as unknown as MatrixClient;
		expect(knownDirectoryRoom(client, ALIAS, undefined)?.roomId).toBe('!d:fgr.sv');
		expect(knownDirectoryRoom(client, '#rogatory-directory-wacap:ng', '!p:fgr.sv')?.roomId).toBe('!p:fgr.sv');
		expect(knownDirectoryRoom(client, '#rogatory-directory-wacap:ng', undefined)).toBeUndefined();
	});

	it('give the fold only decrypted directory messages the server sent back', () => {
		const room = fakeRoom('!d:fgr.sv', ALIAS, [
			{ id: '$1', content: { 'org.rogatory.directory': { version: 1 } } },
			{ id: '$2', content: { body: 'hello' } },
			{ id: '~3', content: { 'org.rogatory.directory': {} }, status: 'sending' },
			{ id: '$4', content: {}, failed: true },
			{ id: '$5', content: { 'org.rogatory.directory': {} }, type: 'm.reaction' },
		]);
		expect(directoryEvents(room).map((e) => e.eventId)).toEqual(['$1']);
	});
});
