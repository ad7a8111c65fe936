// The reminders' scheduler: one loop, one timer. Every row still to send sits
// in a min-heap by due time (heap.ts); the loop sleeps until the head is due
// on the injected clock (clock.ts), then sends it. The register holds the
// truth (bridge/register/schedule.ts); the heap only says what to look at
// next, so a stale entry (cancelled, already sent) is dropped when popped.
//
// Sending a row, so that it reaches the room once (issue 5, "sent once,
// never twice"):
// 1. claim: scheduled → sending, committed; a row a crash left `sending` is
//    claimed again as it is;
// 2. send the notice with the row's transaction ID (derived from its id):
//    sent again after a crash between 2 and 3, it is the same request for the
//    same device, and the homeserver answers with the event it made the first
//    time instead of making another;
// 3. record it sent (with whom it mentioned) and, for a reminder, schedule its
//    escalation in the same transaction.
// A reminder is re-checked against the preservation when due: ended, gone or
// with a moved expiry, it is cancelled (the new expiry has rows of its own).
// When several reminders of one preservation are due at once (the bridge was
// down, or the preservation was recorded late), only the latest offset is
// sent; the others are marked skipped — the notice states the time left as of
// sending, so one says it all.
// Acknowledgement: any message in the room from a person the reminder
// mentioned, sent after it, acknowledges it (a `!rogatory …` command included).
// An escalation still due for an acknowledged reminder is cancelled; one that
// comes due mentions the preservation's focal point, or else the focal points
// (focal-point, 24/7) of the bot's authority in the roster.
import type { Result } from '../../policies/result.ts';
import type { Language } from '../../policies/roster/types.ts';
import type { RoomPlan, ScheduleStore } from '../register/index.ts';
import type { Clock } from './clock.ts';
import { DueHeap, type HeapEntry } from './heap.ts';
import type { NoticeSender, SeenEvent } from './hook.ts';
import { planEscalation, planReminders } from './plan.ts';
import { reminderNotice } from './text.ts';
import type { ReminderRow, ReminderSettings, ScheduledPreservation } from './types.ts';

/** Where the preservations come from (source.ts reads them from the register). */
export interface PreservationSource {
	/** Every room that may hold preservations (at start). */
	rooms(): Result<readonly string[], string>;
	/** The room's preservations as they are now. */
	inRoom(room: string): Result<readonly ScheduledPreservation[], string>;
}

export interface SchedulerDeps {
	readonly store: ScheduleStore;
	readonly source: PreservationSource;
	readonly clock: Clock;
	readonly settings: ReminderSettings;
	/** The room's language (bridge/commands/language.ts). */
	readonly language: (room: string) => Language;
	/** The bot's authority's focal points (Matrix IDs): escalations go to them when a preservation names none. */
	readonly focalPoints: readonly string[];
	readonly log: (line: string) => void;
	/** Told of each row as it is sent (the bench measures lateness with it). */
	readonly onSent?: (row: ReminderRow, at: number) => void;
}

export class ReminderScheduler {
	readonly #deps: SchedulerDeps;
	readonly #heap = new DueHeap();
	#wake = new AbortController();
	#send: NoticeSender | undefined;
	#loop: Promise<void> | undefined;
	#stopped = false;
	#sleeping = false;

	constructor(deps: SchedulerDeps) {
		this.#deps = deps;
	}

	/** Rows waiting in the queue (stale entries included until popped). */
	get queued(): number {
		return this.#heap.size;
	}

	/** Loads the schedule, plans every room and starts the loop. */
	start(send: NoticeSender): void {
		if (this.#loop !== undefined) return;
		this.#send = send;
		const pending = this.#deps.store.pending();
		if (!pending.ok) this.#deps.log(`REMINDERS: ${pending.error.message} — the schedule is not loaded; retrying at the next batch`);
		else for (const entry of pending.value) this.#heap.push(entry);
		const rooms = this.#deps.source.rooms();
		if (!rooms.ok) this.#deps.log(`REMINDERS: cannot list the rooms: ${rooms.error}`);
		else this.plan(rooms.value);
		this.#deps.log(`reminders: ${this.#heap.size} scheduled`);
		this.#loop = this.#run();
	}

	/** Re-reads the rooms' preservations and brings their rows up to date. */
	plan(rooms: readonly string[]): void {
		const plans: RoomPlan[] = [];
		for (const room of rooms) {
			const found = this.#deps.source.inRoom(room);
			if (!found.ok) {
				this.#deps.log(`REMINDERS: cannot read the preservations of ${room}: ${found.error}`);
				continue;
			}
			plans.push({ room, rows: found.value.flatMap((p) => planReminders(p, this.#deps.settings)) });
		}
		const added = this.#deps.store.reconcile(plans);
		if (!added.ok) {
			this.#deps.log(`REMINDERS: ${added.error.message} — planned again at the next batch`);
			return;
		}
		for (const row of added.value) this.#push({ due: row.dueAt, id: row.id });
	}

	/** Messages seen in a batch: acknowledgements. */
	observe(events: readonly SeenEvent[]): void {
		// NOTE: the bot's own messages acknowledge nothing: it never mentions itself.
		const messages = events.map((e) => ({ room: e.room, sender: e.sender, at: this.#deps.clock.fromServer(e.originServerTs) }));
		if (messages.length === 0) return;
		const done = this.#deps.store.acknowledge(messages);
		if (!done.ok) this.#deps.log(`REMINDERS: acknowledgements not recorded: ${done.error.message}`);
		else if (done.value > 0) this.#deps.log(`reminders: ${done.value} acknowledged`);
	}

	async stop(): Promise<void> {
		this.#stopped = true;
		this.#wake.abort();
		await this.#loop;
	}

	/** Resolves once the loop sleeps with nothing due (tests, benches). */
	async idle(): Promise<void> {
		const due = (): boolean => (this.#heap.peek()?.due ?? Infinity) <= this.#deps.clock.now();
		while (this.#loop !== undefined && !this.#stopped && !(this.#sleeping && !due())) await new Promise((r) => setImmediate(r));
	}

	#push(entry: HeapEntry): void {
		this.#heap.push(entry);
		if (this.#heap.peek() !== entry) return;
		// Woken: not idle until the loop has looked at the new head.
		this.#sleeping = false;
		this.#wake.abort();
	}

	async #run(): Promise<void> {
		const { clock } = this.#deps;
		while (!this.#stopped) {
			const head = this.#heap.peek();
			if (head === undefined || head.due > clock.now()) {
				this.#wake = new AbortController();
				this.#sleeping = true;
				if (head === undefined) await new Promise((resolve) => this.#wake.signal.addEventListener('abort', resolve, { once: true }));
				else await clock.sleepUntil(head.due, this.#wake.signal);
				this.#sleeping = false;
				continue;
			}
			this.#heap.pop();
			try {
				await this.#fire(head.id);
			} catch (e) {
				this.#deps.log(`REMINDERS: ${head.id} failed: ${e instanceof Error ? e.message : String(e)} — trying again`);
				this.#heap.push({ due: clock.now() + this.#deps.settings.retryMs, id: head.id });
			}
		}
	}

	async #fire(id: string): Promise<void> {
		const { store, clock, log, settings } = this.#deps;
		const retry = (why: string): void => {
			log(`REMINDERS: ${id}: ${why} — trying again in ${settings.retryMs} ms`);
			this.#heap.push({ due: clock.now() + settings.retryMs, id });
		};
		const claimed = store.claim(id);
		if (!claimed.ok) return retry(claimed.error.message);
		const row = claimed.value;
		if (row === undefined) return; // sent, skipped or cancelled meanwhile
		const now = clock.now();
		const found = this.#deps.source.inRoom(row.room);
		if (!found.ok) return retry(found.error);
		const preservation = found.value.find((p) => p.id === row.preservation);
		const close = (state: 'skipped' | 'cancelled', why: string): void => {
			const closed = store.close(id, state);
			if (!closed.ok) return retry(closed.error.message);
			log(`reminders: ${row.kind} ${id} ${state} (${why})`);
		};
		if (preservation === undefined || preservation.status !== 'active' || preservation.expires !== row.expires)
			return close(
				'cancelled',
				preservation === undefined ? 'preservation gone' : preservation.status !== 'active' ? 'ended' : 'expiry moved',
			);
		if (row.kind === 'reminder') {
			const superseded = store.supersededAt(row, now);
			if (!superseded.ok) return retry(superseded.error.message);
			if (superseded.value) return close('skipped', 'a later reminder is due too');
		} else {
			const reminder = row.escalates === null ? undefined : store.get(row.escalates);
			if (reminder !== undefined && !reminder.ok) return retry(reminder.error.message);
			if (reminder?.value?.acknowledgedAt != null) return close('cancelled', 'acknowledged');
		}
		const mention =
			row.kind === 'reminder'
				? preservation.responsible
				: preservation.focalPoint !== undefined
					? [preservation.focalPoint]
					: this.#deps.focalPoints.length > 0
						? this.#deps.focalPoints
						: preservation.responsible;
		const notice = reminderNotice({
			kind: row.kind,
			language: this.#deps.language(row.room),
			label: preservation.label,
			expires: preservation.expires,
			zone: preservation.zone,
			now,
			mention,
		});
		const send = this.#send;
		if (send === undefined) return retry('not started');
		const sent = await send(row.room, notice, row.txnId);
		if (!sent.ok) {
			if (!sent.error.final) return retry(sent.error.message);
			const failed = store.close(id, 'failed');
			log(
				`REMINDERS: ${row.kind} ${id} in ${row.room} cannot be sent: ${sent.error.message}${failed.ok ? '' : ` (${failed.error.message})`}`,
			);
			return;
		}
		const at = clock.now();
		const escalation = row.kind === 'reminder' ? planEscalation(row, at, settings) : undefined;
		const recorded = store.sent(id, at, sent.value, mention, escalation);
		if (!recorded.ok) return retry(`sent as ${sent.value} but not recorded: ${recorded.error.message}`);
		if (escalation !== undefined) this.#heap.push({ due: escalation.dueAt, id: escalation.id });
		log(`reminders: sent ${row.kind} ${id} (${row.offsetMs} ms before expiry) in ${row.room} as ${sent.value}`);
		this.#deps.onSent?.(row, at);
	}
}
