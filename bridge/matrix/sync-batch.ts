// What one /sync response brings the bridge, read from the raw JSON the gate
// (sync-gate.ts) sees: per joined room, the timeline's message events in
// order (and whether the server left a gap: `limited`), and the invitations
// addressed to the bot. Pure; the SDK processes the same response for its own
// state, crypto and to-device messages.

/** A timeline event as the homeserver sent it (room_id added). */
export type RawEvent = Readonly<Record<string, unknown>> & { readonly event_id: string; readonly room_id: string };

export interface RoomTimeline {
	readonly room: string;
	readonly events: readonly RawEvent[];
	/** The server left events out before `events`; they are fetched from `prevBatch` back to the sync's `since`. */
	readonly limited: boolean;
	readonly prevBatch: string | undefined;
	/**
	 * The bridge's own join is in this timeline: it joined in this batch, so
	 * what was sent between its invitation and its join (which no earlier sync
	 * carried) is fetched too, not only back to `since`.
	 */
	readonly joinedNow: boolean;
}

export interface Invitation {
	readonly room: string;
	readonly inviter: string;
	/** origin_server_ts of the invite event (0 when the server left it out of the stripped state). */
	readonly at: number;
	/** The stripped state's m.room.create (sender and content), when the server sent it: unauthenticated, a hint only. */
	readonly create?: { readonly sender: string; readonly content: unknown };
}

export interface SyncBatch {
	/** The token this response was asked from (undefined for the first, initial sync). */
	readonly since: string | undefined;
	readonly nextBatch: string;
	readonly rooms: readonly RoomTimeline[];
	readonly invitations: readonly Invitation[];
}

const record = (value: unknown): Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);

/** Message events only: case events are m.room.message, encrypted (m.room.encrypted) or not; state is not bridged. */
export function isBridgedType(type: unknown): boolean {
	return type === 'm.room.message' || type === 'm.room.encrypted';
}

function timelineOf(room: string, joined: Record<string, unknown>, self: string): RoomTimeline {
	const timeline = record(joined['timeline']);
	const events: RawEvent[] = [];
	let joinedNow = false;
	for (const value of list(timeline['events'])) {
		const event = record(value);
		if (event['type'] === 'm.room.member' && event['state_key'] === self && record(event['content'])['membership'] === 'join')
			joinedNow = true;
		if (typeof event['event_id'] !== 'string' || 'state_key' in event || !isBridgedType(event['type'])) continue;
		events.push({ ...event, room_id: room } as RawEvent);
	}
	const prevBatch = timeline['prev_batch'];
	return {
		room,
		events,
		limited: timeline['limited'] === true,
		prevBatch: typeof prevBatch === 'string' ? prevBatch : undefined,
		joinedNow,
	};
}

function invitationOf(room: string, invited: Record<string, unknown>, self: string): Invitation | undefined {
	const events = list(record(invited['invite_state'])['events']).map(record);
	const invite = events.find(
		(e) => e['type'] === 'm.room.member' && e['state_key'] === self && record(e['content'])['membership'] === 'invite',
	);
	if (invite === undefined || typeof invite['sender'] !== 'string') return undefined;
	const at = invite['origin_server_ts'];
	const create = events.find((e) => e['type'] === 'm.room.create' && e['state_key'] === '');
	const creator = create?.['sender'];
	return {
		room,
		inviter: invite['sender'],
		at: typeof at === 'number' ? at : 0,
		...(typeof creator === 'string' ? { create: { sender: creator, content: create?.['content'] } } : {}),
	};
}

/** Reads a /sync response body; undefined when it has no next_batch (not a sync response). */
export function readSyncBatch(since: string | undefined, body: unknown, self: string): SyncBatch | undefined {
	const response = record(body);
	const nextBatch = response['next_batch'];
	if (typeof nextBatch !== 'string') return undefined;
	const rooms = record(response['rooms']);
	const joined = Object.entries(record(rooms['join'])).map(([room, value]) => timelineOf(room, record(value), self));
	const invitations = Object.entries(record(rooms['invite']))
		.map(([room, value]) => invitationOf(room, record(value), self))
		.filter((i): i is Invitation => i !== undefined);
	return { since, nextBatch, rooms: joined.filter((r) => r.events.length > 0 || r.limited), invitations };
}
