// The bot's sync and the chat commands together (bridge/matrix/bridge-sync.ts):
// a reply leaves only after the commit that holds its command, is kept in the
// checkpoint until sent, and is sent again after a restart when it was not.
import { describe, expect, it } from 'vitest';
import { ok } from '../../policies/result.ts';
import { demoRoster, GUATEMALA } from '../../policies/roster/testing/demo.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { BridgeSync, type PendingState } from '../matrix/bridge-sync.ts';
import { decodeSnapshot } from '../matrix/idb-snapshot.ts';
import { MemorySink } from '../matrix/memory-sink.ts';
import type { CommandHook, PendingCommand } from './hook.ts';
import { commandIn } from './parse.ts';
import { CROSS_SIGNED_ARRIVAL } from '../../policies/trust/testing/arrivals.ts';

const SELF = '@bot:gt';
const ROOM = '!r:gt';
type Sent = { command: string; afterBatches: number };

/** A message as it reaches the bot: encrypted (the fake decrypt below hands its content back), or in the clear. */
const event = (id: string, body: string, sender = '@ana:gt', msgtype = 'm.text', type = 'm.room.encrypted') => ({
	event_id: id,
	type,
	sender,
	origin_server_ts: 1,
	content: { msgtype, body },
});
const response = (next: string, events: ReturnType<typeof event>[]) => ({
	next_batch: next,
	rooms: { join: { [ROOM]: { timeline: { events } } } },
});

const hook: CommandHook = {
	pick: (e, self) => {
		const request = commandIn(e.content, e.sender, self);
		return request === undefined ? undefined : { room: e.room, eventId: e.eventId, sender: e.sender, at: e.originServerTs, request };
	},
	reply: (c) => ok({ msgtype: 'm.notice', body: `reply to ${c.eventId}`, 'm.mentions': {} }),
};

function harness(restored: PendingState = { queue: [], actions: [] }, sink = new MemorySink(), history: ReturnType<typeof event>[] = []) {
	const sent: Sent[] = [];
	const lines: string[] = [];
	let accept = true;
	const sync = new BridgeSync(
		{
			sink,
			self: SELF,
			policy: { roster: demoRoster, servers: new Map<string, AuthorityId>([['gt', GUATEMALA.id]]), authority: GUATEMALA.id },
			decrypt: (raw) =>
				Promise.resolve({
					ok: true,
					type: 'm.room.message',
					content: raw['content'],
					arrival: raw['type'] === 'm.room.encrypted' ? CROSS_SIGNED_ARRIVAL : { encrypted: false, roomEncrypted: true },
				}),
			saveSyncStore: () => Promise.resolve(),
			dump: () => Promise.resolve([]),
			page: (room) => Promise.resolve({ events: history.map((e) => ({ ...e, room_id: room })).reverse(), end: undefined }),
			answer: () => Promise.resolve(true),
			replies: {
				hook,
				send: (command: PendingCommand, content) => {
					expect(content.body).toBe(`reply to ${command.eventId}`);
					sent.push({ command: command.eventId, afterBatches: sink.batches.length });
					return Promise.resolve(accept);
				},
			},
			log: (line) => lines.push(line),
			giveUpAfterMs: 60_000,
			retryMs: 5,
		},
		{ token: 's0', pending: restored },
	);
	return { sink, sync, sent, lines, refuseSends: (refuse: boolean) => (accept = !refuse) };
}

const pendingOf = (sink: MemorySink, at = -1): PendingState => {
	const decoded = decodeSnapshot<PendingState>(sink.batches.at(at)!.checkpoint.store);
	if (!decoded.ok) throw new Error(decoded.error);
	return decoded.value.extra;
};

describe('chat commands in the bot’s sync', () => {
	it('answers no command found by paging back through history (chat is not logged: a restart would find it again)', async () => {
		const { sink, sync, sent } = harness(undefined, undefined, [event('$old', '!rogatory status'), event('$chat', 'hello')]);
		expect(await sync.reconcile([ROOM], 'start')).toEqual({ missing: 2 });
		await sync.repliesTried();
		expect(sink.batches.at(-1)!.events.map((e) => e.eventId)).toEqual(['$old', '$chat']);
		expect(pendingOf(sink).replies).toEqual([]);
		expect(sent).toEqual([]);
		// The same pass again: nothing handed on twice.
		expect(await sync.reconcile([ROOM], 'periodic')).toEqual({ missing: 0 });
	});

	it('keeps a command in the commit that hands its event on, and replies once, after that commit', async () => {
		const { sink, sync, sent } = harness();
		sync.afterSync('s0', response('s1', [event('$chat', 'hello'), event('$cmd', '!rogatory status')]));
		await sync.beforeSync('s1');
		await sync.repliesTried();
		expect(pendingOf(sink).replies?.map((r) => r.eventId)).toEqual(['$cmd']);
		expect(sent).toEqual([{ command: '$cmd', afterBatches: 1 }]);
		expect(sync.unanswered).toBe(0);

		sync.afterSync('s1', response('s2', [event('$later', 'thanks')]));
		await sync.beforeSync('s2');
		await sync.repliesTried();
		expect(pendingOf(sink).replies).toEqual([]);
		expect(sent).toHaveLength(1);
	});

	it('sends nothing while the register refuses the batch', async () => {
		const sink = new MemorySink();
		sink.failWith = 'SQLITE_FULL';
		const { sync, sent } = harness(undefined, sink);
		sync.afterSync('s0', response('s1', [event('$cmd', '!rogatory status')]));
		const committing = sync.beforeSync('s1');
		await new Promise((r) => setTimeout(r, 30));
		expect(sent).toEqual([]);
		sink.failWith = undefined;
		await committing;
		await sync.repliesTried();
		expect(sent).toEqual([{ command: '$cmd', afterBatches: 1 }]);
	});

	it('keeps a reply that could not be sent in the next checkpoint, and sends it after a restart', async () => {
		const first = harness();
		first.refuseSends(true);
		first.sync.afterSync('s0', response('s1', [event('$cmd', '!rogatory help')]));
		await first.sync.beforeSync('s1');
		await first.sync.repliesTried();
		first.sync.afterSync('s1', response('s2', [event('$chat', 'anyone?')]));
		await first.sync.beforeSync('s2');
		await first.sync.repliesTried();
		expect(first.sent.map((s) => s.command)).toEqual(['$cmd', '$cmd']);
		const restored = pendingOf(first.sink);
		expect(restored.replies?.map((r) => r.eventId)).toEqual(['$cmd']);

		const second = harness(restored);
		await second.sync.beforeSync('s2');
		await second.sync.repliesTried();
		expect(second.sent).toEqual([{ command: '$cmd', afterBatches: 0 }]);
		expect(second.sync.unanswered).toBe(0);
	});

	it('answers neither notices nor itself, and does not bridge its own events', async () => {
		const { sink, sync, sent } = harness();
		sync.afterSync(
			's0',
			response('s1', [
				event('$notice', '!rogatory status', '@other-bot:gt', 'm.notice'),
				event('$own', '!rogatory status', SELF, 'm.text'),
			]),
		);
		await sync.beforeSync('s1');
		await sync.repliesTried();
		expect(sent).toEqual([]);
		expect(sink.batches[0]?.events.map((e) => e.eventId)).toEqual(['$notice']);
	});

	it('never answers a command that does not count: sent in the clear, it is handed to the register (which refuses it) and left unanswered', async () => {
		const { sink, sync, sent } = harness();
		sync.afterSync('s0', response('s1', [event('$clear', '!rogatory status', '@ana:gt', 'm.text', 'm.room.message')]));
		await sync.beforeSync('s1');
		await sync.repliesTried();
		expect(sent).toEqual([]);
		expect(sink.batches[0]?.events.map((e) => [e.eventId, e.trust])).toEqual([
			['$clear', expect.objectContaining({ counts: false, code: 'not-encrypted' })],
		]);
	});
});
