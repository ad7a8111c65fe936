import { describe, expect, it } from 'vitest';
import { bridgedOf, readRoomHistory, type HistoryAccess } from './room-history.ts';

const SELF = '@bridge:gt';
const message = (id: string, extra: Record<string, unknown> = {}) => ({
	event_id: id,
	type: 'm.room.encrypted',
	sender: '@ana:gt',
	origin_server_ts: 5,
	content: {},
	...extra,
});

/** A homeserver whose room holds `pages` (newest first), answering /messages dir=b page by page; every URL asked is kept. */
function homeserver(pages: readonly (readonly Record<string, unknown>[])[]) {
	const asked: URL[] = [];
	const fetch = ((input: string | URL, init?: RequestInit) => {
		const url = new URL(String(input));
		asked.push(url);
		expect(new Headers(init?.headers).get('authorization')).toBe('Bearer tok');
		const from = url.searchParams.get('from');
		const i = from === null ? 0 : Number(from.slice(1));
		const body = { chunk: pages[i] ?? [], start: `t${i}`, ...(i + 1 < pages.length ? { end: `t${i + 1}` } : {}) };
		return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
	}) as typeof globalThis.fetch;
	return { asked, fetch };
}
const access = (fetch: typeof globalThis.fetch, extra: Partial<HistoryAccess> = {}): HistoryAccess => ({
	homeserverUrl: 'http://hs.test/',
	accessToken: 'tok',
	self: SELF,
	fetch,
	...extra,
});

describe('bridgedOf', () => {
	it('keeps what the bridge hands on: message events, encrypted or not, not state, not its own', () => {
		const chunk = [
			message('$1'),
			message('$2', { type: 'm.room.message' }),
			message('$own', { sender: SELF }),
			message('$state', { type: 'm.room.member', state_key: '@x:gt' }),
			message('$enc-state', { state_key: '' }),
			message('$reaction', { type: 'm.reaction' }),
			{ type: 'm.room.message' },
			null,
		];
		expect(bridgedOf(chunk, SELF)).toEqual([
			{ eventId: '$1', sender: '@ana:gt', originServerTs: 5, type: 'm.room.encrypted' },
			{ eventId: '$2', sender: '@ana:gt', originServerTs: 5, type: 'm.room.message' },
		]);
		expect(bridgedOf('nonsense', SELF)).toEqual([]);
	});
});

describe('readRoomHistory', () => {
	it('pages back from the room’s end (no from, no to) to its start, each event once', async () => {
		const hs = homeserver([[message('$3'), message('$2')], [message('$2'), message('$1'), message('$own', { sender: SELF })], []]);
		const read = await readRoomHistory(access(hs.fetch), '!r:gt', () => 42);
		expect(read.ok && { ...read.value, events: read.value.events.map((e) => e.eventId) }).toEqual({
			readAt: 42,
			pages: 3,
			events: ['$3', '$2', '$1'],
		});
		expect(hs.asked.map((u) => [u.pathname, u.searchParams.get('dir'), u.searchParams.get('from'), u.searchParams.has('to')])).toEqual([
			['/_matrix/client/v3/rooms/!r%3Agt/messages', 'b', null, false],
			['/_matrix/client/v3/rooms/!r%3Agt/messages', 'b', 't1', false],
			['/_matrix/client/v3/rooms/!r%3Agt/messages', 'b', 't2', false],
		]);
	});

	it('refuses, as a sentence, a room the bridge is not in, an unknown room, a dead session, an unreachable homeserver, a history too long', async () => {
		const answering =
			(status: number, body: unknown): typeof fetch =>
			() =>
				Promise.resolve(new Response(JSON.stringify(body), { status }));
		const refusal = async (fetch: typeof globalThis.fetch, extra: Partial<HistoryAccess> = {}) => {
			const read = await readRoomHistory(access(fetch, extra), '!r:gt');
			expect(read.ok).toBe(false);
			return read.ok ? '' : read.error;
		};
		expect(await refusal(answering(403, { errcode: 'M_FORBIDDEN' }))).toMatch(
			/^the bridge \(@bridge:gt\) is not in room !r:gt, or may not read/,
		);
		expect(await refusal(answering(404, { errcode: 'M_NOT_FOUND' }))).toMatch(/knows no room !r:gt/);
		expect(await refusal(answering(401, { errcode: 'M_UNKNOWN_TOKEN' }))).toMatch(/does not accept the bridge's access token/);
		expect(await refusal(answering(502, 'bad gateway'))).toMatch(/answered 502 for room !r:gt's history; try again later/);
		expect(await refusal(() => Promise.reject(new TypeError('fetch failed')))).toBe(
			'the homeserver http://hs.test/ cannot be reached: fetch failed',
		);
		const endless = homeserver(Array.from({ length: 10 }, (_, i) => [message(`$${i}`)]));
		expect(await refusal(endless.fetch, { maxPages: 3 })).toBe(
			"room !r:gt's history is longer than 3 pages of 100 events: not read to its start",
		);
	});
});
