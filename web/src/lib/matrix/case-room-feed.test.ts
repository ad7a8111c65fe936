// The case-room feed over a fake client (an event emitter with rooms): what it
// publishes, when, and that it lets go of the client when stopped.
import { EventEmitter } from 'events';
import { describe, expect, it, vi } from 'vitest';
import { CaseRoomFeed, type CaseRoomListener } from './case-room-feed.ts';
import type { CaseTimeline } from './case-timeline.ts';
import { ClientEvent, MatrixEventEvent, RoomEvent, SyncState, type MatrixClient } from './sdk.ts';

const ME = '@ana:127.0.20.1:28448';

interface FakeRoom {
	readonly roomId: string;
	membership: string;
	/** Has a server ACL (with encryption, what makes a case room). */
	readonly acl?: boolean;
	readonly encrypted?: boolean;
	readonly inviter?: string;
}

/** A live timeline: its events' IDs, and whether it can still page back. */
interface FakeTimeline {
	ids: string[];
	back: string | null;
}

const eventOf = (id: string) => ({ getId: () => id, getDecryptionPromise: () => null });

function fakeRoom(fake: FakeRoom) {
	const timelineSet = {};
	const live: { timeline: FakeTimeline } = { timeline: { ids: [], back: null } };
	const timelineOf = (timeline: FakeTimeline) => ({
		getEvents: () => timeline.ids.map(eventOf),
		getPaginationToken: () => timeline.back,
		timeline,
	});
	return {
		live,
		timelineSet,
		getUnfilteredTimelineSet: () => timelineSet,
		resetLiveTimeline: vi.fn((back: string | null) => {
			live.timeline = { ids: [], back };
		}),
		roomId: fake.roomId,
		getMyMembership: () => fake.membership,
		hasEncryptionStateEvent: () => fake.encrypted ?? true,
		currentState: {
			getStateEvents: (type: string) =>
				type === 'm.room.server_acl' && fake.acl === true
					? { getId: () => `$acl-${fake.roomId}`, getTs: () => 1, getContent: () => ({}) }
					: null,
			maySendStateEvent: () => false,
		},
		getMember: () => (fake.inviter === undefined ? null : { events: { member: { getSender: () => fake.inviter } } }),
		loadMembersIfNeeded: vi.fn(() => Promise.resolve(true)),
		getLiveTimeline: () => timelineOf(live.timeline),
		findEventById: () => undefined,
	};
}

function clientWith(...fakes: FakeRoom[]) {
	const rooms = fakes.map(fakeRoom);
	const emitter = new EventEmitter();
	// The feed joins with a plain POST /join (case-room-feed.ts says why not the SDK's joinRoom).
	const joinRoom = vi.fn((_method: string, _path: string) => Promise.resolve({}));
	/** What the homeserver holds of each room (message IDs, oldest first); the fake pages give it whole. */
	const server = new Map<string, string[]>();
	const sync = { token: 's1' as string | undefined, stored: 's1' };
	// The homeserver's walk of a room's history (history-walk.ts), in one page.
	const messages = vi.fn((roomId: string, _from: string | null, _limit?: number, _dir?: string) =>
		Promise.resolve({ chunk: (server.get(roomId) ?? []).map((event_id) => ({ event_id, type: 'm.room.encrypted' })) }),
	);
	const client = Object.assign(emitter, {
		getUserId: () => ME,
		store: { getSyncToken: () => sync.stored },
		getSyncStateData: () => ({ nextSyncToken: sync.token }),
		// The live timeline pages back in one go to the room's creation, with what the server holds.
		paginateEventTimeline: vi.fn((timeline: { timeline: FakeTimeline }) => {
			const room = rooms.find((r) => r.live.timeline === timeline.timeline);
			timeline.timeline.ids = [
				...(server.get(room?.roomId ?? '') ?? []).filter((id) => !timeline.timeline.ids.includes(id)),
				...timeline.timeline.ids,
			];
			timeline.timeline.back = null;
			return Promise.resolve(false);
		}),
		createMessagesRequest: messages,
		getRooms: () => rooms,
		getRoom: (roomId: string) => rooms.find((room) => room.roomId === roomId) ?? null,
		getCrypto: () => undefined,
		http: { authedRequest: joinRoom },
	});
	// As the SDK does, a room's reset is told through the client.
	for (const room of rooms) {
		room.resetLiveTimeline.mockImplementation((back: string | null) => {
			room.live.timeline = { ids: [], back };
			emitter.emit(RoomEvent.TimelineReset, room, room.timelineSet, true);
		});
	}
	return { client: client as unknown as MatrixClient, rooms, emitter, joinRoom, server, sync, messages };
}

/** A listener that writes down what it is told, in order. */
function recorder(joined: (timeline: CaseTimeline) => Promise<void> = () => Promise.resolve()) {
	const heard: string[] = [];
	const listener: CaseRoomListener = {
		invited: (roomId, { inviter, encrypted }) => heard.push(`invited ${roomId} by ${String(inviter)}${encrypted ? ', encrypted' : ''}`),
		notInvited: (roomId) => heard.push(`not invited ${roomId}`),
		joined: (timeline) => {
			heard.push(`joined ${timeline.roomId}`);
			return joined(timeline);
		},
		reconnected: () => heard.push('reconnected'),
		catchingUp: (roomId) => heard.push(`catching up ${roomId}`),
	};
	return { heard, listener };
}

const settled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('the case-room feed', () => {
	it('reads every room once at start, and is done only when the listener has folded each joined case room', async () => {
		const { client } = clientWith(
			{ roomId: '!case', membership: 'join', acl: true },
			{ roomId: '!chat', membership: 'join' },
			{ roomId: '!asked', membership: 'invite', inviter: '@bo:127.0.20.2:28448' },
		);
		let fold: () => void = () => {};
		const { heard, listener } = recorder(() => new Promise((resolve) => (fold = resolve)));
		let done = false;
		const started = new CaseRoomFeed(client, listener).start().then(() => (done = true));

		await settled();
		expect(heard).toEqual(['not invited !case', 'not invited !chat', 'invited !asked by @bo:127.0.20.2:28448, encrypted', 'joined !case']);
		expect(done).toBe(false);
		fold();
		await started;
		expect(done).toBe(true);
	});

	it('reads a room once for a burst of its events, and its history (members too) only the first time', async () => {
		const { client, rooms, emitter } = clientWith({ roomId: '!case', membership: 'join', acl: true });
		const { heard, listener } = recorder();
		await new CaseRoomFeed(client, listener).start();
		const event = { getRoomId: () => '!case' };

		emitter.emit(RoomEvent.Timeline, event);
		emitter.emit(MatrixEventEvent.Decrypted, event);
		emitter.emit(RoomEvent.LocalEchoUpdated, event);
		await settled();

		expect(heard.filter((line) => line === 'joined !case')).toHaveLength(2);
		expect(rooms[0]?.loadMembersIfNeeded).toHaveBeenCalledTimes(1);
	});

	it('publishes a room whose membership changed: joined, it is no longer an invitation', async () => {
		const { client, rooms, emitter, joinRoom } = clientWith({
			roomId: '!asked',
			membership: 'invite',
			inviter: '@bo:127.0.20.2:28448',
			acl: true,
		});
		const { heard, listener } = recorder();
		const feed = new CaseRoomFeed(client, listener);
		await feed.start();
		expect(feed.stillInvited('!asked')).toBe(true);

		await feed.join('!asked');
		const room = rooms[0];
		if (room === undefined) throw new Error('no room');
		(room as { getMyMembership: () => string }).getMyMembership = () => 'join';
		emitter.emit(RoomEvent.MyMembership, room, 'join', 'invite');
		await settled();

		expect(joinRoom.mock.calls.map(([method, path]) => `${method} ${path}`)).toEqual(['POST /join/!asked']);
		expect(feed.stillInvited('!asked')).toBe(false);
		expect(heard.slice(1)).toEqual(['not invited !asked', 'joined !asked']);
	});

	it('says the homeserver answers again when a sync goes through', async () => {
		const { client, emitter } = clientWith();
		const { heard, listener } = recorder();
		await new CaseRoomFeed(client, listener).start();

		emitter.emit(ClientEvent.Sync, SyncState.Error);
		emitter.emit(ClientEvent.Sync, SyncState.Syncing);
		expect(heard).toEqual(['reconnected']);
	});

	it('is caught up only once a sync has gone through since the connection was seen lost', async () => {
		const { client, emitter } = clientWith();
		let state = SyncState.Syncing;
		Object.assign(client, { getSyncState: () => state });
		// The browser's online and offline events (Node has none on globalThis).
		const browser = new EventTarget();
		vi.stubGlobal('addEventListener', browser.addEventListener.bind(browser));
		vi.stubGlobal('removeEventListener', browser.removeEventListener.bind(browser));
		const feed = new CaseRoomFeed(client, recorder().listener);
		await feed.start();
		expect(feed.caughtUp()).toBe(true);

		// The browser goes offline; the SDK still says "syncing" (its request from before is pending).
		browser.dispatchEvent(new Event('offline'));
		expect(feed.caughtUp()).toBe(false);
		browser.dispatchEvent(new Event('online'));
		expect(feed.caughtUp()).toBe(false);
		emitter.emit(ClientEvent.Sync, SyncState.Syncing);
		expect(feed.caughtUp()).toBe(true);

		// A request that got no answer, then a failed sync: not caught up until the next sync goes through.
		feed.connectionLost();
		expect(feed.caughtUp()).toBe(false);
		emitter.emit(ClientEvent.Sync, SyncState.Syncing);
		state = SyncState.Reconnecting;
		emitter.emit(ClientEvent.Sync, SyncState.Reconnecting);
		expect(feed.caughtUp()).toBe(false);
		state = SyncState.Syncing;
		expect(feed.caughtUp()).toBe(false);
		emitter.emit(ClientEvent.Sync, SyncState.Syncing);
		expect(feed.caughtUp()).toBe(true);
		feed.stop();
		vi.unstubAllGlobals();
	});

	it('reads a reset case room again back to its creation and checks it, saying meanwhile that it is catching up', async () => {
		const { client, rooms, emitter, server, messages } = clientWith({ roomId: '!case', membership: 'join', acl: true });
		const room = rooms[0]!;
		server.set('!case', ['$open', '$note1', '$note2', '$note3']);
		room.live.timeline = { ids: ['$open', '$note1'], back: null };
		const { heard, listener } = recorder();
		const feed = new CaseRoomFeed(client, listener);
		await feed.start();
		expect(heard).toEqual(['not invited !case', 'joined !case']);

		// A limited sync: the SDK replaces the live timeline with one holding the sync's last events only.
		room.live.timeline = { ids: ['$note3'], back: 'prev-batch' };
		emitter.emit(RoomEvent.TimelineReset, room, room.timelineSet, true);
		expect(feed.catchingUp('!case')).toBe(true);
		await vi.waitFor(() => expect(feed.catchingUp('!case')).toBe(false));
		await settled();

		expect(heard.slice(2)).toEqual(['not invited !case', 'catching up !case', 'joined !case']);
		expect(room.live.timeline.ids).toEqual(['$open', '$note1', '$note2', '$note3']);
		expect(messages).toHaveBeenCalledWith('!case', 's1', 100, 'b');
		// Another room's timeline set (a thread's, a filtered one) is not the room's history.
		emitter.emit(RoomEvent.TimelineReset, room, {}, true);
		expect(feed.catchingUp('!case')).toBe(false);
		feed.stop();
	});

	it('reads the room again when the homeserver holds more than the read found, between syncs only', async () => {
		const { client, rooms, emitter, server, sync, messages } = clientWith({ roomId: '!case', membership: 'join', acl: true });
		const room = rooms[0]!;
		server.set('!case', ['$open', '$note3']);
		const { heard, listener } = recorder();
		const feed = new CaseRoomFeed(client, listener);
		await feed.start();
		// The homeserver's backfill was partial while the room was paged back; the check's walk finds the rest.
		messages.mockImplementationOnce(() => {
			server.set('!case', ['$open', '$note1', '$note2', '$note3']);
			return Promise.resolve({
				chunk: ['$note3', '$note2', '$note1', '$open'].map((event_id) => ({ event_id, type: 'm.room.encrypted' })),
			});
		});
		// A sync is being processed (its token stored, its events not all added): the timeline is not replaced yet.
		sync.stored = 's2';
		room.live.timeline = { ids: ['$note3'], back: 'prev-batch' };
		emitter.emit(RoomEvent.TimelineReset, room, room.timelineSet, true);
		await vi.waitFor(() => expect(messages).toHaveBeenCalledTimes(1));
		await settled();
		expect(room.resetLiveTimeline).not.toHaveBeenCalled();
		expect(feed.catchingUp('!case')).toBe(true);

		sync.token = 's2';
		emitter.emit(ClientEvent.Sync, SyncState.Syncing, SyncState.Syncing, { nextSyncToken: 's2' });
		expect(room.resetLiveTimeline).toHaveBeenCalledWith('s2', null);
		await vi.waitFor(() => expect(feed.catchingUp('!case')).toBe(false));
		await settled();
		expect(room.live.timeline.ids).toEqual(['$open', '$note1', '$note2', '$note3']);
		expect(heard.at(-1)).toBe('joined !case');
		expect(heard.filter((line) => line === 'joined !case')).toHaveLength(2);
		feed.stop();
	});

	it('after an outage, checks each case room against the homeserver, and reads again only one that lacks messages', async () => {
		const { client, rooms, emitter, server, sync, messages } = clientWith(
			{ roomId: '!case', membership: 'join', acl: true },
			{ roomId: '!other', membership: 'join', acl: true },
			{ roomId: '!chat', membership: 'join' },
		);
		server.set('!case', ['$open']);
		server.set('!other', ['$open2']);
		rooms[0]!.live.timeline = { ids: ['$open'], back: null };
		rooms[1]!.live.timeline = { ids: ['$open2'], back: null };
		const { heard, listener } = recorder();
		const feed = new CaseRoomFeed(client, listener);
		await feed.start();
		heard.length = 0;

		emitter.emit(ClientEvent.Sync, SyncState.Syncing, SyncState.Syncing, { nextSyncToken: 's2' });
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(messages).not.toHaveBeenCalled();

		// Meanwhile the homeserver got a message of !other that the live timeline never had (no reset: a sync not cut short).
		server.set('!other', ['$open2', '$gap', '$late']);
		rooms[1]!.live.timeline.ids.push('$late');
		emitter.emit(ClientEvent.Sync, SyncState.Reconnecting, SyncState.Syncing);
		sync.stored = 's3';
		emitter.emit(ClientEvent.Sync, SyncState.Syncing, SyncState.Reconnecting, { nextSyncToken: 's3' });
		await vi.waitFor(() => expect(heard.at(-1)).toBe('joined !other'));
		expect(messages.mock.calls.filter(([roomId]) => roomId === '!case')).toEqual([['!case', 's3', 100, 'b']]);
		// Only the room that lacked a message caught up; the other was checked and left as it was.
		expect(heard.filter((line) => line.startsWith('catching up'))).toEqual(['catching up !other']);
		expect(rooms[1]!.resetLiveTimeline).toHaveBeenCalledWith('s3', null);
		expect(rooms[1]!.live.timeline.ids).toEqual(['$open2', '$gap', '$late']);
		expect(rooms[0]!.resetLiveTimeline).not.toHaveBeenCalled();
		feed.stop();
	});

	it('takes a long silence of the sync for an outage', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		try {
			const { client, emitter, server, messages } = clientWith({ roomId: '!case', membership: 'join', acl: true });
			server.set('!case', []);
			const feed = new CaseRoomFeed(client, recorder().listener);
			await feed.start();
			emitter.emit(ClientEvent.Sync, SyncState.Syncing, SyncState.Syncing, { nextSyncToken: 's2' });
			vi.setSystemTime(Date.now() + 30_000);
			emitter.emit(ClientEvent.Sync, SyncState.Syncing, SyncState.Syncing, { nextSyncToken: 's3' });
			await new Promise((resolve) => setTimeout(resolve, 10));
			expect(messages).not.toHaveBeenCalled();

			vi.setSystemTime(Date.now() + 60_000);
			emitter.emit(ClientEvent.Sync, SyncState.Syncing, SyncState.Syncing, { nextSyncToken: 's4' });
			await vi.waitFor(() => expect(messages).toHaveBeenCalledWith('!case', 's4', 100, 'b'));
			feed.stop();
		} finally {
			vi.useRealTimers();
		}
	});

	it('lets go of the client when stopped: no listener left on it, nothing published after', async () => {
		const { client, emitter } = clientWith({ roomId: '!case', membership: 'join', acl: true });
		const { heard, listener } = recorder();
		const feed = new CaseRoomFeed(client, listener);
		await feed.start();
		expect(emitter.eventNames().length).toBeGreaterThan(0);

		feed.refresh('!case');
		feed.stop();
		emitter.emit(RoomEvent.Timeline, { getRoomId: () => '!case' });
		await settled();

		expect(emitter.eventNames()).toEqual([]);
		expect(heard).toEqual(['not invited !case', 'joined !case']);
	});
});
