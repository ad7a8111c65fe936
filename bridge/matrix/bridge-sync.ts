// The bridge's side of the sync gate (sync-gate.ts): turns each /sync batch
// into one sink commit, and checkpoints the stores before key uploads.
//
// Design (ARCHITECTURE.md, decision 7; issue 4 "crash safety"):
// - State that must survive a crash lives only in the sink's last checkpoint:
//   the sync token T (where the next /sync starts), a snapshot of every
//   IndexedDB database (Rust crypto store + the SDK's sync store, saved with
//   the accumulator at T) and the bot's own pending state: the decryption
//   queue and the invitation answers not yet sent.
// - When the SDK asks for /sync?since=T, the response that ended at T has
//   been processed (its room keys are stored). The batch's events join the
//   queue, invitations are decided, the queue's settled prefix is handed to
//   the sink with T and a fresh snapshot — one transaction — and only then
//   does the request go. A failed commit is retried (loudly) with a fresh
//   snapshot; the sync stays paused meanwhile and nothing is skipped.
// - Events whose key has not arrived stay queued (decryption-queue.ts) inside
//   the checkpoint while the sync moves on — the keys come by to-device in a
//   later sync, so holding the token would deadlock — and are handed on, in
//   order, once they decrypt, or reported undecryptable after a delay.
// - Invitation answers (join/leave) are sent after the commit that records
//   the decision and are kept in the checkpoint until sent: recorded exactly
//   once, sent at least once (joining and leaving are idempotent).
// - Chat commands (bridge/commands) likewise: the commands among a batch's
//   events are picked in the commit that hands the events on and kept in the
//   checkpoint until their reply is sent, outside the commit chain (sending
//   encrypts, which may wait on a key upload, which waits on the chain). So a
//   reply leaves only after its command is committed, a crash before it is
//   sent loses none (sent at restart), and a crash after it is sent but before
//   the next checkpoint sends it again — with the same transaction ID, which
//   the homeserver keeps for the device (Synapse: a day), so the room still
//   gets one reply. At least once, made idempotent: a lost answer is worse
//   than a repeated one, and the transaction ID takes the repeat away.
// - The bot's own events are not bridged: they are its replies (m.notice,
//   never case events), and one sent just before a crash may be encrypted
//   with a Megolm session the restored crypto store never saw; queued, it
//   would hold every later event until given up as undecryptable.
// - The directory rooms' events (bridge/directory) are not case events: they
//   are skipped here and never reach the register, commands or reminders.
// - A timeline the server cut short (`limited`) is completed before the batch
//   is committed by paging the room's history back (backfill.ts, issue 14):
//   from the timeline's prev_batch, with no `to`, so the homeserver backfills
//   a gap that federation left, until the room's mark (the newest event an
//   earlier complete pass covered) or its start. A pass over the whole history
//   (up to the page bound) runs for every case room on `reconcile` (at start,
//   after a reconnection, periodically: bot-client.ts) — the whole, because
//   an event the homeserver backfills after a pass lands behind that pass's
//   mark — committed at the current token with a fresh snapshot, room by
//   room so that live batches go between (never behind every room's
//   history); the marks live in the checkpoint, so they advance with the
//   register. Each
//   pass is recorded per room with the events it found (the register's
//   `reconciliations`, for the register page), in the same commit.
//   An event the bridge knows (the register holds it, it is queued, or it was
//   handed on since start) is not handed on again; the register refuses an
//   event ID already logged anyway. Chat is not logged, so a pass may find a
//   chat command again (after a restart): commands found in history are not
//   answered — only those that came by /sync are.
// - Checkpoints are serialised: a key upload waits for a batch commit in
//   progress and vice versa.
import type { InvitationPolicy } from './invitation.ts';
import { decideInvitation } from './invitation.ts';
import type { CommandHook, PendingCommand, ReplyContent } from '../commands/hook.ts';
import { resolveQueue, type Decrypt, type QueuedEvent, type Resolution } from './decryption-queue.ts';
import { encodeSnapshot, type DatabaseDump } from './idb-snapshot.ts';
import { backPaginate, markAfter, type Backfill, type Page } from './backfill.ts';
import type { BatchSink, BridgedEvent, InvitationRecord } from './sink.ts';
import type { ReconciledRoom } from '../register/types.ts';
import { readSyncBatch, type Invitation, type RawEvent, type SyncBatch } from './sync-batch.ts';
import type { GateHooks } from './sync-gate.ts';

/** An invitation answer still to send. */
export interface InviteAction {
	readonly room: string;
	readonly join: boolean;
}

/** The bot's part of the snapshot (encodeSnapshot's `extra`). */
export interface PendingState {
	readonly queue: readonly QueuedEvent[];
	readonly actions: readonly InviteAction[];
	/** Commands committed but not yet answered (left out by checkpoints written before commands existed). */
	readonly replies?: readonly PendingCommand[];
	/** Room → the newest event a complete back-pagination covered (left out by checkpoints written before issue 14). */
	readonly marks?: Readonly<Record<string, string>>;
}

/** The chat commands: which events are commands, their replies, and how a reply is sent. */
export interface ReplyDeps {
	readonly hook: CommandHook;
	/** Sends the reply to `command`; false to try again after the next batch. */
	readonly send: (command: PendingCommand, content: ReplyContent) => Promise<boolean>;
}

export interface BridgeSyncDeps {
	readonly sink: BatchSink;
	readonly self: string;
	readonly policy: InvitationPolicy;
	readonly decrypt: Decrypt;
	/** Saves the SDK's sync store (IndexedDBStore.save(true)) so the snapshot holds it at the committed token. */
	readonly saveSyncStore: () => Promise<void>;
	readonly dump: () => Promise<DatabaseDump[]>;
	/** One /messages page of the room, dir=b from `from` (a prev_batch or a sync token), with no `to`. */
	readonly page: (room: string, from: string) => Promise<Page>;
	/** At most this many pages per room per pass (default 20 of 100 events); hitting it is logged. */
	readonly maxPages?: number;
	/** Sends an invitation answer; false to try again at the next batch. */
	readonly answer: (action: InviteAction) => Promise<boolean>;
	/** Left out: no chat commands. */
	readonly replies?: ReplyDeps;
	/** Rooms whose events are not case events and never reach the sink (the directory rooms, bridge/directory). */
	readonly skipRoom?: (room: string) => boolean;
	/** Invitations left unanswered and unrecorded: another part of the bridge answers them (reports rooms, bridge/reports). */
	readonly skipInvitation?: (invitation: Invitation) => boolean;
	readonly log: (line: string) => void;
	readonly giveUpAfterMs: number;
	readonly retryMs: number;
	readonly now?: () => number;
}

export class BridgeSync implements GateHooks {
	readonly #deps: BridgeSyncDeps;
	readonly #responses = new Map<string, SyncBatch>();
	#token: string;
	#queue: readonly QueuedEvent[];
	#actions: readonly InviteAction[];
	/** Committed commands awaiting their reply, by command event ID. */
	readonly #replies = new Map<string, PendingCommand>();
	#replying: Promise<void> | undefined;
	#replyAgain = false;
	#chain: Promise<void> = Promise.resolve();
	/** The queued event last reported as waited on, so each is logged once. */
	#waitingOn: string | undefined;
	#stopped = false;
	/** Room → its mark (see PendingState.marks), as last committed. */
	#marks: ReadonlyMap<string, string>;
	/** Event IDs handed on or queued since start (the register does not keep chat), bounded. */
	readonly #handed = new Set<string>();
	/** Event IDs found by back-pagination, not by /sync: never answered as commands. */
	readonly #fromHistory = new Set<string>();
	/** Events handed on as undecryptable since start. */
	undecryptable = 0;
	/** Events handed on since start. */
	delivered = 0;
	/** When a sync batch was last committed (bridge/bot/health.ts); undefined before the first. */
	lastSyncAt: number | undefined;

	constructor(deps: BridgeSyncDeps, restored: { token: string; pending: PendingState }) {
		this.#deps = deps;
		this.#token = restored.token;
		this.#queue = restored.pending.queue;
		this.#actions = restored.pending.actions;
		for (const r of restored.pending.replies ?? []) this.#replies.set(r.eventId, r);
		this.#marks = new Map(Object.entries(restored.pending.marks ?? {}));
	}

	/** The room's mark, as committed (tests, logs). */
	markOf(room: string): string | undefined {
		return this.#marks.get(room);
	}

	get committedToken(): string {
		return this.#token;
	}

	get queued(): number {
		return this.#queue.length;
	}

	/** Commands committed whose reply is not sent yet. */
	get unanswered(): number {
		return this.#replies.size;
	}

	/** Resolves once the replies being sent now (and any asked for meanwhile) have been tried. */
	async repliesTried(): Promise<void> {
		while (this.#replying !== undefined) await this.#replying;
	}

	/** Stops retrying commits; gated requests fail from now on. */
	stop(): void {
		this.#stopped = true;
	}

	afterSync(since: string | undefined, body: unknown): void {
		const batch = readSyncBatch(since, body, this.#deps.self);
		if (batch !== undefined) this.#responses.set(batch.nextBatch, batch);
	}

	beforeSync(since: string | undefined): Promise<void> {
		return this.#serial(async () => {
			const batch = since === undefined ? undefined : this.#responses.get(since);
			if (batch !== undefined && since !== this.#token) await this.#ingest(batch);
			else if (since !== undefined && since !== this.#token) {
				this.#deps.log(`sync from ${since}, which is neither the committed token ${this.#token || '(none)'} nor a batch seen: let through`);
			} else if (this.#queue.length > 0) await this.#settleQueued();
			this.#responses.clear();
			await this.#sendAnswers();
			this.#startReplies();
		});
	}

	beforeKeyUpload(path: string): Promise<void> {
		return this.#serial(async () => {
			await this.#commitLoop(
				`checkpoint before ${path}`,
				() => Promise.resolve({ events: [], undecryptable: [], passed: [], remaining: this.#queue }),
				[],
			);
		});
	}

	#serial(work: () => Promise<void>): Promise<void> {
		const run = this.#chain.then(work);
		this.#chain = run.catch(() => {});
		return run;
	}

	async #ingest(batch: SyncBatch): Promise<void> {
		const now = (this.#deps.now ?? Date.now)();
		const received: QueuedEvent[] = [];
		const marks = new Map(this.#marks);
		const reconciled: ReconciledRoom[] = [];
		for (const room of batch.rooms) {
			if (this.#deps.skipRoom?.(room.room) === true) continue;
			let gap: readonly RawEvent[] = [];
			// NOTE: also for a room joined in this batch (what was sent while the bridge was only invited came in no
			// batch) and for the first sync: the pass goes back to the room's mark or its start.
			if (room.limited && room.prevBatch !== undefined) {
				const seen = new Set(room.events.map((e) => e.event_id));
				const pass = await this.#backfill(room.room, room.prevBatch, (id) => seen.has(id) || this.#knows(id), this.#marks.get(room.room));
				gap = pass.missing;
				for (const e of gap) this.#fromHistory.add(e.event_id);
				const mark = markAfter(pass, marks.get(room.room), room.events.at(-1)?.event_id);
				if (mark !== undefined) marks.set(room.room, mark);
				this.#deps.log(
					`room ${room.room}: the server cut the timeline short; ${gap.length} missing events found in ${pass.pages} pages of history`,
				);
				const missing = gap.filter((raw) => raw['sender'] !== this.#deps.self).length;
				reconciled.push({ room: room.room, at: now, complete: pass.stop !== 'bound', missing });
			}
			for (const raw of [...gap, ...room.events]) if (raw['sender'] !== this.#deps.self) received.push({ raw, firstSeen: now });
		}
		const invitations: InvitationRecord[] = [];
		const actions: InviteAction[] = [...this.#actions];
		for (const invite of batch.invitations) {
			if (this.#deps.skipInvitation?.(invite) === true) {
				this.#deps.log(`invitation to ${invite.room} from ${invite.inviter}: a reports room, left to the reporter`);
				continue;
			}
			const decided = decideInvitation(invite.inviter, this.#deps.policy);
			invitations.push({ room: invite.room, inviter: invite.inviter, at: invite.at, ...decided });
			actions.push({ room: invite.room, join: decided.decision === 'accepted' });
			this.#deps.log(`invitation to ${invite.room} from ${invite.inviter}: ${decided.decision} (${decided.reason})`);
		}
		const queue = [...this.#queue, ...received];
		const committed = await this.#commitLoop(
			`batch up to ${batch.nextBatch}`,
			() => resolveQueue(queue, this.#deps.decrypt, (this.#deps.now ?? Date.now)(), this.#deps.giveUpAfterMs),
			invitations,
			batch.nextBatch,
			actions,
			marks,
			reconciled,
		);
		this.#marks = marks;
		this.#actions = actions;
		this.#token = batch.nextBatch;
		this.lastSyncAt = Date.now();
		if (committed.waiting !== undefined && committed.waiting.eventId !== this.#waitingOn) {
			this.#deps.log(
				`waiting on ${committed.waiting.eventId} (${committed.waiting.reason}); ${committed.remaining.length} events of ${committed.waitingRooms ?? 1} rooms wait for their keys, the other rooms' go on`,
			);
		}
		this.#waitingOn = committed.waiting?.eventId;
		this.#queue = committed.remaining;
		this.delivered += committed.events;
		this.undecryptable += committed.undecryptable;
	}

	/**
	 * Pages back through each room's history (backfill.ts) and commits the
	 * events the bridge did not know, at the current token, with the rooms'
	 * new marks: at start, after a reconnection, periodically. A room whose
	 * history cannot be read now is logged and left for the next pass.
	 * One room at a time: each room's pass takes its own turn in the commit
	 * chain, so a sync batch that arrives meanwhile is committed between two
	 * rooms instead of waiting for every room's history (an authority with
	 * hundreds of case rooms would otherwise hold an urgent request back for
	 * minutes at every start and every hour). A room whose pass found events
	 * commits them at once; the passes that found nothing are recorded, with
	 * their marks, in one commit at the end.
	 */
	async reconcile(rooms: readonly string[], why: string): Promise<{ readonly missing: number }> {
		let found = 0;
		const recorded: ReconciledRoom[] = [];
		/** The marks of the rooms whose pass found nothing, not committed yet. */
		const marks = new Map<string, string>();
		for (const room of rooms) {
			if (this.#stopped) break;
			if (this.#deps.skipRoom?.(room) === true) continue;
			await this.#serial(async () => {
				if (this.#token === '' || this.#stopped) return;
				const now = (this.#deps.now ?? Date.now)();
				let pass: Backfill;
				try {
					// NOTE: the whole history (up to the page bound), not back to the mark: an event the homeserver backfilled
					// after the pass that set the mark lands behind it in the room's order (a partition's hole, seen in the
					// fault suite: an event fetched as an outlier while a pass ran, de-outliered into the history later).
					pass = await this.#backfill(room, this.#token, (id) => this.#knows(id), undefined);
				} catch (e) {
					this.#deps.log(`reconcile (${why}): ${room}'s history not readable now: ${e instanceof Error ? e.message : String(e)}`);
					return;
				}
				const mark = markAfter(pass, marks.get(room) ?? this.#marks.get(room));
				if (mark !== undefined) marks.set(room, mark);
				const mine = pass.missing.filter((raw) => raw['sender'] !== this.#deps.self);
				recorded.push({ room, at: now, complete: pass.stop !== 'bound', missing: mine.length });
				if (mine.length === 0) return;
				this.#deps.log(`reconcile (${why}): ${room}: ${mine.length} missing events found in ${pass.pages} pages of history`);
				const received: QueuedEvent[] = [];
				for (const raw of mine) {
					received.push({ raw, firstSeen: now });
					this.#fromHistory.add(raw.event_id);
				}
				await this.#commitReconciled(why, received, marks, recorded);
				found += received.length;
			});
		}
		// NOTE: committed even when nothing was found, so that the register records each room's pass (the register page).
		if (recorded.length > 0 && !this.#stopped) await this.#serial(() => this.#commitReconciled(why, [], marks, recorded));
		return { missing: found };
	}

	/**
	 * Commits what a reconciliation found, with the passes recorded so far and
	 * their marks laid over the committed ones; both are emptied once
	 * committed. In the commit chain.
	 */
	async #commitReconciled(
		why: string,
		received: readonly QueuedEvent[],
		marks: Map<string, string>,
		recorded: ReconciledRoom[],
	): Promise<void> {
		if (this.#token === '' || recorded.length === 0) return;
		const queue = [...this.#queue, ...received];
		const merged = new Map([...this.#marks, ...marks]);
		const committed = await this.#commitLoop(
			`reconciliation (${why})`,
			() => resolveQueue(queue, this.#deps.decrypt, (this.#deps.now ?? Date.now)(), this.#deps.giveUpAfterMs),
			[],
			this.#token,
			this.#actions,
			merged,
			[...recorded],
		);
		this.#marks = merged;
		this.#queue = committed.remaining;
		this.#waitingOn = committed.waiting?.eventId;
		this.delivered += committed.events;
		this.undecryptable += committed.undecryptable;
		marks.clear();
		recorded.length = 0;
	}

	/** Pages `room`'s history back from `from`, to `mark` (and its overlap) or, without one, to the room's start. */
	async #backfill(room: string, from: string, known: (eventId: string) => boolean, mark: string | undefined): Promise<Backfill> {
		const maxPages = this.#deps.maxPages ?? 20;
		const pass = await backPaginate(from, mark, known, (token) => this.#deps.page(room, token), maxPages);
		if (pass.stop === 'bound')
			this.#deps.log(
				`room ${room}: history paged back ${maxPages} pages without reaching where it stops (the last complete point, or the room's start) — ${pass.missing.length} events found; the next pass tries again`,
			);
		return pass;
	}

	/** Whether the bridge has this event already: queued, handed on since start, or held by the register. */
	#knows(eventId: string): boolean {
		return this.#handed.has(eventId) || this.#queue.some((q) => q.raw.event_id === eventId) || this.#deps.sink.holds?.(eventId) === true;
	}

	#remember(ids: readonly string[]): void {
		for (const id of ids) {
			this.#handed.add(id);
			this.#fromHistory.delete(id);
		}
		// NOTE: bounded; the register answers for case events anyway, this set only spares chat a second ingest.
		for (const id of this.#handed) {
			if (this.#handed.size <= 50_000) break;
			this.#handed.delete(id);
		}
	}

	/**
	 * A quiet room brings no new batch (the long poll ends with the same token),
	 * yet a queued event may be due to be given up, or its key may have arrived
	 * with to-device messages only: the queue is settled again and committed at
	 * the same token when that hands anything on, so a withheld event cannot
	 * hold the register back until someone happens to write.
	 */
	async #settleQueued(): Promise<void> {
		const settle = (): Promise<Resolution> =>
			resolveQueue(this.#queue, this.#deps.decrypt, (this.#deps.now ?? Date.now)(), this.#deps.giveUpAfterMs);
		const tried = await settle();
		if (tried.events.length === 0 && tried.undecryptable.length === 0) return;
		const committed = await this.#commitLoop('the queued events', settle, []);
		this.#queue = committed.remaining;
		this.#waitingOn = committed.waiting?.eventId;
		this.delivered += committed.events;
		this.undecryptable += committed.undecryptable;
	}

	/**
	 * Settles the queue, snapshots the stores and commits, until the sink
	 * takes it. Each attempt is fresh (the queue may have settled further and
	 * the crypto store moved on), and the state changes only once committed.
	 */
	async #commitLoop(
		what: string,
		settle: () => Promise<Resolution>,
		invitations: readonly InvitationRecord[],
		token = this.#token,
		actions: readonly InviteAction[] = this.#actions,
		marks: ReadonlyMap<string, string> = this.#marks,
		reconciled: readonly ReconciledRoom[] = [],
	): Promise<{
		events: number;
		undecryptable: number;
		remaining: readonly QueuedEvent[];
		waiting?: { readonly eventId: string; readonly reason: string };
		waitingRooms?: number;
	}> {
		for (let attempt = 1; ; attempt++) {
			if (this.#stopped) throw new Error(`the bridge is stopping: ${what} not committed`);
			const settled = await settle();
			const picked = this.#pick(settled.events);
			await this.#deps.saveSyncStore();
			const replies = [...this.#replies.values(), ...picked];
			const store = encodeSnapshot<PendingState>(await this.#deps.dump(), {
				queue: settled.remaining,
				actions,
				replies,
				marks: Object.fromEntries(marks),
			});
			const approvals = picked.flatMap((command) => this.#deps.replies?.hook.approval?.(command) ?? []);
			const result = this.#deps.sink.commit({
				events: settled.events,
				invitations,
				undecryptable: settled.undecryptable,
				...(settled.passed.length === 0 ? {} : { passed: settled.passed }),
				...(reconciled.length === 0 ? {} : { reconciled }),
				...(approvals.length === 0 ? {} : { approvals }),
				checkpoint: { syncToken: token, store },
			});
			if (result.ok) {
				for (const p of picked) this.#replies.set(p.eventId, p);
				this.#remember([...settled.events, ...settled.undecryptable, ...settled.passed].map((e) => e.eventId));
				for (const u of settled.undecryptable) this.#deps.log(`UNDECRYPTABLE: ${u.eventId} in ${u.room} from ${u.sender}: ${u.reason}`);
				return {
					events: settled.events.length,
					undecryptable: settled.undecryptable.length,
					remaining: settled.remaining,
					...(settled.waiting === undefined ? {} : { waiting: settled.waiting, waitingRooms: settled.waitingRooms ?? 1 }),
				};
			}
			const seconds = Math.round(this.#deps.retryMs / 1000);
			this.#deps.log(`register not writable: ${result.error} — sync paused, retrying in ${seconds}s (${what}, attempt ${attempt})`);
			await new Promise((resolve) => setTimeout(resolve, this.#deps.retryMs));
		}
	}

	/** The commands among events about to be committed, not already pending. */
	#pick(events: readonly BridgedEvent[]): PendingCommand[] {
		const hook = this.#deps.replies?.hook;
		if (hook === undefined) return [];
		const now = (this.#deps.now ?? Date.now)();
		// NOTE: a command counts only as a case event does (policies/trust): one sent in the clear or from an
		// unverified device is logged by the register, never answered.
		return events
			.filter((e) => e.trust.counts && !this.#fromHistory.has(e.eventId))
			.map((e) => hook.pick(e, this.#deps.self, now))
			.filter((c): c is PendingCommand => c !== undefined && !this.#replies.has(c.eventId));
	}

	/** Sends the pending replies in the background (see the header); one run at a time, rerun when asked meanwhile. */
	#startReplies(): void {
		if (this.#deps.replies === undefined || this.#replies.size === 0 || this.#stopped) return;
		if (this.#replying !== undefined) {
			this.#replyAgain = true;
			return;
		}
		this.#replying = this.#sendReplies(this.#deps.replies)
			.catch((e: unknown) => this.#deps.log(`replies: ${e instanceof Error ? e.message : String(e)} — will retry after the next batch`))
			.finally(() => {
				this.#replying = undefined;
				if (this.#replyAgain) {
					this.#replyAgain = false;
					this.#startReplies();
				}
			});
	}

	async #sendReplies({ hook, send }: ReplyDeps): Promise<void> {
		for (const command of [...this.#replies.values()]) {
			if (this.#stopped) return;
			const content = hook.reply(command);
			if (!content.ok) {
				this.#deps.log(`cannot answer ${command.eventId} in ${command.room} yet: ${content.error}`);
				continue;
			}
			if (await send(command, content.value)) this.#replies.delete(command.eventId);
		}
	}

	async #sendAnswers(): Promise<void> {
		if (this.#actions.length === 0) return;
		const left: InviteAction[] = [];
		for (const action of this.#actions) if (!(await this.#deps.answer(action))) left.push(action);
		this.#actions = left;
	}
}
