import { describe, expect, it } from 'vitest';
import { resolveQueue, type Decrypt, type QueuedEvent } from './decryption-queue.ts';
import type { RawEvent } from './sync-batch.ts';
import { CROSS_SIGNED_ARRIVAL } from '../../policies/trust/testing/arrivals.ts';

const raw = (id: string, type = 'm.room.encrypted', extra: Record<string, unknown> = {}): RawEvent => ({
	event_id: id,
	room_id: '!r:hs',
	type,
	sender: '@a:hs',
	origin_server_ts: 7,
	content: { body: id },
	...extra,
});
const queued = (event: RawEvent, firstSeen = 1000): QueuedEvent => ({ raw: event, firstSeen });
const CLEAR = { encrypted: false, roomEncrypted: true } as const;
/** Decrypts the events whose key is known; a clear event reads as it came. */
const keys =
	(known: Set<string>): Decrypt =>
	(event) =>
		Promise.resolve(
			event['type'] === 'm.room.message'
				? { ok: true, type: 'm.room.message', content: event['content'], arrival: CLEAR }
				: known.has(event.event_id)
					? { ok: true, type: 'm.room.message', content: { body: event.event_id }, arrival: CROSS_SIGNED_ARRIVAL }
					: { ok: false, reason: 'no key' },
		);

describe('resolveQueue', () => {
	it('hands on every event in order when all decrypt', async () => {
		const queue = [queued(raw('$1')), queued(raw('$2', 'm.room.message')), queued(raw('$3'))];
		const r = await resolveQueue(queue, keys(new Set(['$1', '$3'])), 1000, 60_000);
		expect(r.events.map((e) => e.eventId)).toEqual(['$1', '$2', '$3']);
		expect(r.events[0]).toEqual({
			room: '!r:hs',
			eventId: '$1',
			sender: '@a:hs',
			originServerTs: 7,
			content: { body: '$1' },
			trust: { counts: true, verification: 'cross-signed' },
		});
		// The clear one is handed on too, judged: the register logs it as refused.
		expect(r.events[1]?.trust).toMatchObject({ counts: false, code: 'not-encrypted' });
		expect(r.remaining).toEqual([]);
	});

	it('reports what it read but hands nothing on for — a redaction, a reaction — as passed, so the register counts it seen', async () => {
		const reaction: Decrypt = (event) =>
			event.event_id === '$r'
				? Promise.resolve({ ok: true, type: 'm.reaction', content: {}, arrival: CROSS_SIGNED_ARRIVAL })
				: keys(new Set(['$1']))(event);
		const queue = [queued(raw('$1')), queued(raw('$gone', 'm.room.encrypted', { unsigned: { redacted_because: {} } })), queued(raw('$r'))];
		const r = await resolveQueue(queue, reaction, 1000, 60_000);
		expect(r.events.map((e) => e.eventId)).toEqual(['$1']);
		expect(r.passed).toEqual([
			{ room: '!r:hs', eventId: '$gone', originServerTs: 7 },
			{ room: '!r:hs', eventId: '$r', originServerTs: 7 },
		]);
	});

	it('an event without its key holds it and every later event of its room, even decryptable ones', async () => {
		const queue = [queued(raw('$1')), queued(raw('$2')), queued(raw('$3'))];
		const r = await resolveQueue(queue, keys(new Set(['$1', '$3'])), 2000, 60_000);
		expect(r.events.map((e) => e.eventId)).toEqual(['$1']);
		expect(r.remaining.map((q) => q.raw.event_id)).toEqual(['$2', '$3']);
		expect(r.undecryptable).toEqual([]);
	});

	it('holds only the room an event waits in: another room’s events flow past it, each room in order', async () => {
		const inRoom = (id: string, room: string) => queued(raw(id, 'm.room.encrypted', { room_id: room }));
		const queue = [inRoom('$a1', '!a:hs'), inRoom('$b1', '!b:hs'), inRoom('$a2', '!a:hs'), inRoom('$b2', '!b:hs'), inRoom('$c1', '!c:hs')];
		const r = await resolveQueue(queue, keys(new Set(['$b1', '$a2', '$b2', '$c1'])), 2000, 60_000);
		expect(r.events.map((e) => e.eventId)).toEqual(['$b1', '$b2', '$c1']);
		expect(r.remaining.map((q) => q.raw.event_id)).toEqual(['$a1', '$a2']);
		expect(r.waiting).toEqual({ eventId: '$a1', reason: 'no key' });
		expect(r.waitingRooms).toBe(1);
		// Its key comes: the held room follows, in order.
		const later = await resolveQueue(r.remaining, keys(new Set(['$a1', '$a2'])), 3000, 60_000);
		expect(later.events.map((e) => e.eventId)).toEqual(['$a1', '$a2']);
		expect(later.remaining).toEqual([]);
		expect(later.waiting).toBeUndefined();
	});

	it('gives up after the delay: the event is reported undecryptable with its reason and the rest flows', async () => {
		const queue = [queued(raw('$1'), 0), queued(raw('$2'), 0)];
		const r = await resolveQueue(queue, keys(new Set(['$2'])), 60_000, 60_000);
		expect(r.undecryptable).toEqual([{ room: '!r:hs', eventId: '$1', sender: '@a:hs', originServerTs: 7, reason: 'no key' }]);
		expect(r.events.map((e) => e.eventId)).toEqual(['$2']);
	});

	it('gives up soon on a message withheld for good (unsigned sender device), so it holds the rest only briefly', async () => {
		const withheld: Decrypt = (event) =>
			Promise.resolve(
				event.event_id === '$1'
					? { ok: false, reason: 'UNSIGNED_SENDER_DEVICE' }
					: { ok: true, type: 'm.room.message', content: { body: event.event_id }, arrival: CROSS_SIGNED_ARRIVAL },
			);
		const queue = [queued(raw('$1'), 0), queued(raw('$2'), 0)];
		expect((await resolveQueue(queue, withheld, 10_000, 600_000)).remaining).toHaveLength(2);
		const r = await resolveQueue(queue, withheld, 30_000, 600_000);
		expect(r.undecryptable.map((u) => [u.eventId, u.reason])).toEqual([['$1', 'UNSIGNED_SENDER_DEVICE']]);
		expect(r.events.map((e) => e.eventId)).toEqual(['$2']);
	});

	it('redacted events and decrypted events of other types settle without being handed on', async () => {
		const other: Decrypt = () => Promise.resolve({ ok: true, type: 'm.reaction', content: {}, arrival: CROSS_SIGNED_ARRIVAL });
		const queue = [queued(raw('$1', 'm.room.encrypted', { unsigned: { redacted_because: {} } })), queued(raw('$2'))];
		const r = await resolveQueue(queue, other, 0, 60_000);
		expect(r.events).toEqual([]);
		expect(r.remaining).toEqual([]);
	});
});
