import { describe, expect, it } from 'vitest';
import { demoRoster, GUATEMALA, KAZAKHSTAN } from '../../policies/roster/testing/demo.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { BridgeSync, type BridgeSyncDeps, type InviteAction, type PendingState } from './bridge-sync.ts';
import { decodeSnapshot } from './idb-snapshot.ts';
import { MemorySink } from './memory-sink.ts';
import { CROSS_SIGNED_ARRIVAL } from '../../policies/trust/testing/arrivals.ts';
import { TRUSTED } from '../register/testing.ts';

const self = '@bot:gt';
const message = (id: string) => ({ event_id: id, type: 'm.room.encrypted', sender: '@a:gt', origin_server_ts: 1, content: {} });
const response = (next: string, ids: string[], invite?: { room: string; sender: string }) => ({
	next_batch: next,
	rooms: {
		join: { '!r:gt': { timeline: { events: ids.map(message) } } },
		...(invite === undefined
			? {}
			: {
					invite: {
						[invite.room]: {
							invite_state: {
								events: [
									{ type: 'm.room.member', state_key: self, sender: invite.sender, origin_server_ts: 5, content: { membership: 'invite' } },
								],
							},
						},
					},
				}),
	},
});

function harness(
	known: Set<string>,
	skipRoom?: (room: string) => boolean,
	page?: BridgeSyncDeps['page'],
	skipInvitation?: BridgeSyncDeps['skipInvitation'],
) {
	const sink = new MemorySink();
	const lines: string[] = [];
	const answered: InviteAction[] = [];
	const deps: BridgeSyncDeps = {
		sink,
		self,
		policy: {
			roster: demoRoster,
			servers: new Map<string, AuthorityId>([
				['gt', GUATEMALA.id],
				['kz', KAZAKHSTAN.id],
			]),
			authority: GUATEMALA.id,
		},
		decrypt: (raw) =>
			Promise.resolve(
				known.has(raw.event_id)
					? { ok: true, type: 'm.room.message', content: { body: raw.event_id }, arrival: CROSS_SIGNED_ARRIVAL }
					: { ok: false, reason: 'no key' },
			),
		saveSyncStore: () => Promise.resolve(),
		dump: () => Promise.resolve([]),
		page: page ?? (() => Promise.resolve({ events: [], end: undefined })),
		answer: (action) => {
			answered.push(action);
			return Promise.resolve(true);
		},
		log: (line) => lines.push(line),
		giveUpAfterMs: 60_000,
		retryMs: 5,
		...(skipRoom === undefined ? {} : { skipRoom }),
		...(skipInvitation === undefined ? {} : { skipInvitation }),
	};
	const sync = new BridgeSync(deps, { token: 's0', pending: { queue: [], actions: [] } });
	return { sink, lines, answered, sync };
}

const pendingOf = (sink: MemorySink): PendingState => {
	const decoded = decodeSnapshot<PendingState>(sink.load()!.store);
	if (!decoded.ok) throw new Error(decoded.error);
	return decoded.value.extra;
};

describe('BridgeSync', () => {
	it('commits a batch with its token before letting the next sync go', async () => {
		const { sink, sync } = harness(new Set(['$1', '$2']));
		sync.afterSync('s0', response('s1', ['$1', '$2']));
		await sync.beforeSync('s1');
		expect(sink.batches).toHaveLength(1);
		expect(sink.batches[0]?.checkpoint.syncToken).toBe('s1');
		expect(sink.batches[0]?.events.map((e) => e.eventId)).toEqual(['$1', '$2']);
		expect(sync.committedToken).toBe('s1');
	});

	it('a register that cannot be written pauses the sync, says so, and loses nothing once it can', async () => {
		const { sink, lines, sync } = harness(new Set(['$1']));
		sink.failWith = 'SQLITE_READONLY';
		sync.afterSync('s0', response('s1', ['$1']));
		let released = false;
		const gate = sync.beforeSync('s1').then(() => (released = true));
		await new Promise((r) => setTimeout(r, 30));
		expect(released).toBe(false);
		expect(lines.some((l) => l.startsWith('register not writable: SQLITE_READONLY — sync paused, retrying in'))).toBe(true);
		sink.failWith = undefined;
		await gate;
		expect(sink.batches.map((b) => b.events.map((e) => e.eventId))).toEqual([['$1']]);
	});

	it('keeps an event without its key queued in the checkpoint, lets the sync go on, and hands it on in order once it decrypts', async () => {
		const known = new Set(['$1', '$3']);
		const { sink, sync } = harness(known);
		sync.afterSync('s0', response('s1', ['$1', '$2', '$3']));
		await sync.beforeSync('s1');
		expect(sink.batches[0]?.events.map((e) => e.eventId)).toEqual(['$1']);
		expect(pendingOf(sink).queue.map((q) => q.raw.event_id)).toEqual(['$2', '$3']);
		known.add('$2');
		sync.afterSync('s1', response('s2', ['$4']));
		known.add('$4');
		await sync.beforeSync('s2');
		expect(sink.batches[1]?.events.map((e) => e.eventId)).toEqual(['$2', '$3', '$4']);
		expect(pendingOf(sink).queue).toEqual([]);
	});

	it('records invitation decisions in the batch and answers them after the commit', async () => {
		const { sink, answered, sync } = harness(new Set());
		sync.afterSync('s0', { next_batch: 's1', rooms: response('s1', [], { room: '!bad:kz', sender: '@x:kz' }).rooms });
		await sync.beforeSync('s1');
		expect(sink.batches[0]?.invitations).toMatchObject([{ room: '!bad:kz', inviter: '@x:kz', decision: 'refused', at: 5 }]);
		expect(pendingOf(sink).actions).toEqual([{ room: '!bad:kz', join: false }]);
		expect(answered).toEqual([{ room: '!bad:kz', join: false }]);
	});

	it('leaves an invitation another part of the bridge owns (a reports room) unanswered and unrecorded, seeing its stripped create event', async () => {
		const seen: unknown[] = [];
		const { sink, answered, sync, lines } = harness(new Set(), undefined, undefined, (invitation) => {
			seen.push(invitation.create);
			return true;
		});
		const body = response('s1', [], { room: '!reports:gt', sender: '@rogatory-secretariat-refco:gt' });
		const invited = body.rooms.invite!['!reports:gt']!.invite_state.events as Record<string, unknown>[];
		invited.push({ type: 'm.room.create', state_key: '', sender: '@rogatory-secretariat-refco:gt', content: { room_version: '12' } });
		sync.afterSync('s0', body);
		await sync.beforeSync('s1');
		expect(seen).toEqual([{ sender: '@rogatory-secretariat-refco:gt', content: { room_version: '12' } }]);
		expect(sink.batches[0]?.invitations).toEqual([]);
		expect(answered).toEqual([]);
		expect(lines).toContain('invitation to !reports:gt from @rogatory-secretariat-refco:gt: a reports room, left to the reporter');
	});

	it('checkpoints the store, at the committed token, before a key upload goes', async () => {
		const { sink, sync } = harness(new Set());
		await sync.beforeKeyUpload('/_matrix/client/v3/keys/upload');
		expect(sink.batches).toHaveLength(1);
		expect(sink.batches[0]).toMatchObject({ events: [], invitations: [], checkpoint: { syncToken: 's0' } });
	});

	it('settles the queue again on a quiet sync (same token): a key that came alone, or an event due to be given up, moves on', async () => {
		const known = new Set(['$1']);
		const { sink, sync } = harness(known);
		sync.afterSync('s0', response('s1', ['$1', '$2']));
		await sync.beforeSync('s1');
		expect(sink.batches.map((b) => b.events.map((e) => e.eventId))).toEqual([['$1']]);
		// The long poll ends with nothing new: the same token. Nothing settled, nothing written.
		sync.afterSync('s1', { next_batch: 's1' });
		await sync.beforeSync('s1');
		expect(sink.batches).toHaveLength(1);
		// The key arrived with to-device messages only: the next quiet sync hands the event on, at the same token.
		known.add('$2');
		sync.afterSync('s1', { next_batch: 's1' });
		await sync.beforeSync('s1');
		expect(sink.batches.map((b) => [b.checkpoint.syncToken, b.events.map((e) => e.eventId)])).toEqual([
			['s1', ['$1']],
			['s1', ['$2']],
		]);
		expect(pendingOf(sink).queue).toEqual([]);
		expect(sync.queued).toBe(0);
	});

	it('never hands on the events of a room it skips (a directory room): the register sees only the others', async () => {
		const { sink, sync } = harness(new Set(['$1', '$d']), (room) => room === '!dir');
		const body = response('s1', ['$1']);
		sync.afterSync('s0', { ...body, rooms: { join: { ...body.rooms.join, '!dir': { timeline: { events: [message('$d')] } } } } });
		await sync.beforeSync('s1');
		expect(sink.batches.map((b) => b.events.map((e) => [e.room, e.eventId]))).toEqual([[['!r:gt', '$1']]]);
		expect(pendingOf(sink).queue).toEqual([]);
	});

	it('completes a cut-short timeline from the room history: back from prev_batch, with no lower bound, to what it holds', async () => {
		// The room's history as the homeserver has it after backfill, newest first by page; '$0' was logged earlier.
		const pages: Record<string, { events: string[]; end: string | undefined }> = {
			'p-s1': { events: ['$g2', '$g1'], end: '@1' },
			'@1': { events: ['$0'], end: undefined },
		};
		const asked: string[] = [];
		const page: BridgeSyncDeps['page'] = (room, from) => {
			asked.push(from);
			const got = pages[from]!;
			return Promise.resolve({ events: got.events.map((id) => ({ ...message(id), room_id: room })), end: got.end });
		};
		const { sink, sync } = harness(new Set(['$0', '$g1', '$g2', '$1']), undefined, page);
		sink.commit({
			events: [
				{
					room: '!r:gt',
					eventId: '$0',
					sender: '@a:gt',
					originServerTs: 1,
					content: {},
					trust: TRUSTED,
				},
			],
			invitations: [],
			undecryptable: [],
			checkpoint: { syncToken: 's0', store: new Uint8Array() },
		});
		const join = { event_id: '$join', type: 'm.room.member', state_key: self, sender: self, content: { membership: 'join' } };
		sync.afterSync('s0', {
			next_batch: 's1',
			rooms: { join: { '!r:gt': { timeline: { limited: true, prev_batch: 'p-s1', events: [join, message('$1')] } } } },
		});
		await sync.beforeSync('s1');
		// No mark yet: paged back to the room's start; '$0', which the register holds, is not handed on again.
		expect(asked).toEqual(['p-s1', '@1']);
		expect(sink.batches.at(-1)!.events.map((e) => e.eventId)).toEqual(['$g1', '$g2', '$1']);
		expect(sink.batches.at(-1)!.reconciled).toMatchObject([{ room: '!r:gt', complete: true, missing: 2 }]);
		expect(sync.markOf('!r:gt')).toBe('$1');
		expect(pendingOf(sink).marks).toEqual({ '!r:gt': '$1' });
	});

	it('reconciles every room from the committed token, ingests the missing oldest first, once, and moves the mark', async () => {
		const history = ['$1', '$2', '$3', '$4'].map((id) => ({ ...message(id), room_id: '!r:gt' }));
		let visible = 2;
		const asked: string[] = [];
		const page: BridgeSyncDeps['page'] = (_room, from) => {
			asked.push(from);
			return Promise.resolve({ events: history.slice(0, visible).reverse(), end: undefined });
		};
		const { sink, sync } = harness(new Set(['$1', '$2', '$3', '$4']), undefined, page);
		expect(await sync.reconcile(['!r:gt'], 'start')).toEqual({ missing: 2 });
		expect(asked).toEqual(['s0']);
		expect(sink.batches.at(-1)!.events.map((e) => e.eventId)).toEqual(['$1', '$2']);
		expect(sink.batches.at(-1)!.checkpoint.syncToken).toBe('s0');
		expect(sink.batches.at(-1)!.reconciled).toMatchObject([{ room: '!r:gt', complete: true, missing: 2 }]);
		// Nothing new: no event committed, only the pass (for the register page).
		expect(await sync.reconcile(['!r:gt'], 'periodic')).toEqual({ missing: 0 });
		expect(sink.batches).toHaveLength(2);
		expect(sink.batches.at(-1)).toMatchObject({ events: [], reconciled: [{ room: '!r:gt', complete: true, missing: 0 }] });
		// Backfilled later: only the new ones.
		visible = 4;
		expect(await sync.reconcile(['!r:gt'], 'periodic')).toEqual({ missing: 2 });
		expect(sink.batches.flatMap((b) => b.events.map((e) => e.eventId))).toEqual(['$1', '$2', '$3', '$4']);
		expect(sync.markOf('!r:gt')).toBe('$4');
	});

	it('finds an event the homeserver backfilled behind the mark, further back than the overlap (a partition’s hole)', async () => {
		const ids = Array.from({ length: 70 }, (_, i) => `$${i + 1}`);
		let history = ids.map((id) => ({ ...message(id), room_id: '!r:gt' }));
		const page: BridgeSyncDeps['page'] = () => Promise.resolve({ events: [...history].reverse(), end: undefined });
		const { sink, sync } = harness(new Set([...ids, '$5b']), undefined, page);
		expect(await sync.reconcile(['!r:gt'], 'start')).toEqual({ missing: 70 });
		expect(sync.markOf('!r:gt')).toBe('$70');
		// Fetched as an outlier while that pass ran, it is put into the history after $5: 65 events behind the mark.
		history = [...history.slice(0, 5), { ...message('$5b'), room_id: '!r:gt' }, ...history.slice(5)];
		expect(await sync.reconcile(['!r:gt'], 'periodic')).toEqual({ missing: 1 });
		expect(sink.batches.at(-1)!.events.map((e) => e.eventId)).toEqual(['$5b']);
	});

	it('bounds a pass, logs it, and keeps the mark where it was', async () => {
		const page: BridgeSyncDeps['page'] = (_room, from) =>
			Promise.resolve({ events: [{ ...message(`$${from}`), room_id: '!r:gt' }], end: `${from}x` });
		const { sink, sync, lines } = harness(new Set(), undefined, page);
		await sync.reconcile(['!r:gt'], 'start');
		expect(lines.some((l) => l.includes('history paged back 20 pages'))).toBe(true);
		expect(sync.markOf('!r:gt')).toBeUndefined();
		// Queued (no key yet), not lost: 20 events wait in the checkpoint; the pass is recorded as incomplete.
		expect(pendingOf(sink).queue).toHaveLength(20);
		expect(sink.batches.at(-1)!.reconciled).toMatchObject([{ room: '!r:gt', complete: false, missing: 20 }]);
	});

	it('lets a sync batch through between two rooms’ passes: live events do not wait for every room’s history', async () => {
		let release: () => void = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		const committedWhenAsked = new Map<string, string[]>();
		const page: BridgeSyncDeps['page'] = async (room) => {
			committedWhenAsked.set(
				room,
				sink.batches.map((b) => b.checkpoint.syncToken),
			);
			if (room === '!a:gt') await held;
			return { events: [{ ...message(`$old-${room}`), room_id: room }], end: undefined };
		};
		const { sink, sync } = harness(new Set(['$old-!a:gt', '$old-!b:gt', '$live']), undefined, page);
		const reconciling = sync.reconcile(['!a:gt', '!b:gt'], 'start');
		await Promise.resolve();
		// A live batch arrives while the first room's history is being read.
		sync.afterSync('s0', response('s1', ['$live']));
		const live = sync.beforeSync('s1');
		release();
		await live;
		expect(await reconciling).toEqual({ missing: 2 });
		// The batch was committed before the second room's history was asked for, not after every room.
		expect(committedWhenAsked.get('!a:gt')).toEqual([]);
		expect(committedWhenAsked.get('!b:gt')).toContain('s1');
		expect(sink.batches.flatMap((b) => b.events.map((e) => e.eventId))).toEqual(['$old-!a:gt', '$live', '$old-!b:gt']);
		expect(sink.batches.flatMap((b) => b.reconciled ?? []).map((r) => r.room)).toEqual(['!a:gt', '!b:gt']);
	});

	it('skips the rooms that are not case rooms, and a room whose history cannot be read now', async () => {
		const page: BridgeSyncDeps['page'] = (room) =>
			room === '!down:gt'
				? Promise.reject(new Error('502'))
				: Promise.resolve({ events: [{ ...message('$1'), room_id: room }], end: undefined });
		const { sink, sync, lines } = harness(new Set(['$1']), (room) => room === '!dir:gt', page);
		expect(await sync.reconcile(['!dir:gt', '!down:gt', '!r:gt'], 'reconnected')).toEqual({ missing: 1 });
		expect(sink.batches.flatMap((b) => b.events.map((e) => e.room))).toEqual(['!r:gt']);
		expect(lines.some((l) => l.includes("!down:gt's history not readable now"))).toBe(true);
	});
});
