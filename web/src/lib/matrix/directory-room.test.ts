import { describe, expect, it } from 'vitest';
import { isCaseRoomCandidate } from './cases.ts';
import { departedAccounts } from '../directory/core.ts';
import {
	directoryEvents,
	isDirectoryRoom,
	joinDirectoryRoom,
	knownDirectoryRoom,
	membershipFactOf,
	membershipFacts,
} from './directory-room.ts';
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

interface FakeMember {
	user: string;
	membership: string;
	previous?: string;
}

const memberEvent = (m: FakeMember) => ({
	getType: () => 'm.room.member',
	getStateKey: () => m.user,
	getContent: () => ({ membership: m.membership }),
	getPrevContent: () => (m.previous === undefined ? {} : { membership: m.previous }),
});

function roomWithMembers(atStart: FakeMember[], changes: FakeMember[], now: FakeMember[]): Room {
	const message = { getType: () => 'm.room.message', getStateKey: () => undefined, getContent: () => ({}), getPrevContent: () => ({}) };
	return {
		currentState: { getStateEvents: (type: string) => (type === 'm.room.member' ? now.map(memberEvent) : []) },
		getLiveTimeline: () => ({
			getState: () => ({ getStateEvents: (type: string) => (type === 'm.room.member' ? atStart.map(memberEvent) : []) }),
			getEvents: () => [message, ...changes.map(memberEvent)],
		}),
	} as unknown as Room;
}

describe('directory room memberships', () => {
	const ana = '@ana:mp.gt';
	const lucia = '@lucia:mp.gt';

	it('are read oldest first: the members at the start of the timeline, its changes, then the state now', () => {
		const room = roomWithMembers(
			[{ user: ana, membership: 'join' }],
			[{ user: ana, membership: 'leave', previous: 'join' }],
			[
				{ user: ana, membership: 'leave', previous: 'join' },
				{ user: lucia, membership: 'join' },
			],
		);
		expect(membershipFacts(room)).toEqual([
			{ user: ana, membership: 'join' },
			{ user: ana, membership: 'leave', previous: 'join' },
			{ user: ana, membership: 'leave', previous: 'join' },
			{ user: lucia, membership: 'join' },
		]);
		expect([...departedAccounts(membershipFacts(room))]).toEqual([ana]);
	});

	it('say a rejoined account is back', () => {
		const room = roomWithMembers(
			[],
			[
				{ user: ana, membership: 'leave', previous: 'join' },
				{ user: ana, membership: 'join', previous: 'leave' },
			],
			[{ user: ana, membership: 'join', previous: 'leave' }],
		);
		expect(departedAccounts(membershipFacts(room))).toEqual(new Set());
	});

	it('are read from the homeserver’s raw member events, refusing anything else', () => {
		const raw = {
			type: 'm.room.member',
			state_key: ana,
			content: { membership: 'leave' },
			unsigned: { prev_content: { membership: 'join' } },
		};
		expect(membershipFactOf(raw)).toEqual({ user: ana, membership: 'leave', previous: 'join' });
		expect(membershipFactOf({ ...raw, unsigned: {} })).toEqual({ user: ana, membership: 'leave' });
		expect(membershipFactOf({ ...raw, type: 'm.room.message' })).toBeUndefined();
		expect(membershipFactOf({ ...raw, content: { membership: 3 } })).toBeUndefined();
		expect(membershipFactOf({ ...raw, state_key: undefined })).toBeUndefined();
		expect(membershipFactOf(null)).toBeUndefined();
	});
});

describe('joining a 24/7 room', () => {
	const POINTS = '#rogatory-directory-refco-24-7:fgr.sv';
	function client(membership: string | undefined) {
		const joins: string[] = [];
		const fake = {
			getRoomIdForAlias: () => Promise.resolve({ room_id: '!p:fgr.sv' }),
			getRoom: () => (membership === undefined ? null : { getMyMembership: () => membership }),
			http: { authedRequest: (_m: string, path: string) => (joins.push(path), Promise.resolve({})) },
		} as unknown as MatrixClient;
		return { fake, joins };
	}

	it('joins only when invited, and does not even ask the server otherwise', async () => {
		const invited = client('invite');
		expect(await joinDirectoryRoom(invited.fake, POINTS, true)).toEqual({ ok: true, value: '!p:fgr.sv' });
		expect(invited.joins).toEqual(['/join/!p%3Afgr.sv']);
		const stranger = client(undefined);
		expect(await joinDirectoryRoom(stranger.fake, POINTS, true)).toEqual({ ok: false, error: { kind: 'not-invited' } });
		expect(stranger.joins).toEqual([]);
		const member = client('join');
		expect(await joinDirectoryRoom(member.fake, POINTS, true)).toEqual({ ok: true, value: '!p:fgr.sv' });
		expect(member.joins).toEqual([]);
	});

	it('is a directory room by its alias, never a case room', () => {
		expect(isDirectoryRoom(fakeRoom('!p:fgr.sv', POINTS))).toBe(true);
		expect(isCaseRoomCandidate(fakeRoom('!p:fgr.sv', POINTS))).toBe(false);
	});
});
