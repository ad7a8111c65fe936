// Test helpers for the reminders: a register on a temporary file, a
// preservation source over a map, and a sender that records what it was asked
// to send and keeps one event per transaction ID (as the homeserver does for
// one device). Used by tests only.
import { ok, err, type Result } from '../../policies/result.ts';
import { open, tempDir } from '../register/testing.ts';
import type { Register } from '../register/index.ts';
import { ManualClock } from './clock.ts';
import type { NoticeSender, ReminderNotice, SendFailure } from './hook.ts';
import { ReminderScheduler, type PreservationSource } from './scheduler.ts';
import { DEFAULT_SETTINGS, type ReminderSettings, type ScheduledPreservation } from './types.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const T0 = Date.UTC(2026, 0, 5, 12);
export const ROOM_A = '!remindA:gt.example';
export const ROOM_B = '!remindB:gt.example';
export const ANA = '@ana:gt.example';
export const FOCAL = '@focal:gt.example';

export function preservation(over: Partial<ScheduledPreservation> = {}): ScheduledPreservation {
	return {
		room: ROOM_A,
		id: '$p1',
		expires: T0 + 20 * DAY,
		zone: 'America/Guatemala',
		responsible: [ANA],
		label: 'Provider X: ana@example.com',
		status: 'active',
		...over,
	};
}

export class MapSource implements PreservationSource {
	readonly byRoom = new Map<string, ScheduledPreservation[]>();

	set(...list: ScheduledPreservation[]): void {
		for (const p of list) {
			const others = (this.byRoom.get(p.room) ?? []).filter((q) => q.id !== p.id);
			this.byRoom.set(p.room, [...others, p]);
		}
	}

	rooms(): Result<readonly string[], string> {
		return ok([...this.byRoom.keys()]);
	}

	inRoom(room: string): Result<readonly ScheduledPreservation[], string> {
		return ok(this.byRoom.get(room) ?? []);
	}
}

export interface Sent {
	readonly room: string;
	readonly notice: ReminderNotice;
	readonly txnId: string;
}

/** A homeserver stand-in for unit tests: one event per transaction ID; `fail` makes the next sends fail. */
export class RecordingSender {
	readonly attempts: Sent[] = [];
	readonly events = new Map<string, Sent>();
	fail: SendFailure | undefined;
	/** Called after the event is made, before the sender answers (a crash there loses the answer). */
	afterSend: (() => void) | undefined;

	readonly send: NoticeSender = (room, notice, txnId) => {
		this.attempts.push({ room, notice, txnId });
		if (this.fail !== undefined) return Promise.resolve(err(this.fail));
		if (!this.events.has(txnId)) this.events.set(txnId, { room, notice, txnId });
		this.afterSend?.();
		return Promise.resolve(ok(`$ev-${txnId.slice(-8)}`));
	};

	/** The notices the room got, in order, one per transaction ID. */
	get delivered(): Sent[] {
		return [...this.events.values()];
	}
}

export interface Harness {
	readonly register: Register;
	readonly clock: ManualClock;
	readonly source: MapSource;
	readonly sender: RecordingSender;
	readonly log: string[];
	scheduler: ReminderScheduler;
	/** A new scheduler over the same register, as after a restart. */
	restart(): ReminderScheduler;
	cleanup(): Promise<void>;
}

export function harness(settings: ReminderSettings = DEFAULT_SETTINGS): Harness {
	const dir = tempDir();
	const register = open(dir.file('register.sqlite'));
	const clock = new ManualClock(T0);
	const source = new MapSource();
	const sender = new RecordingSender();
	const log: string[] = [];
	const make = (): ReminderScheduler =>
		new ReminderScheduler({
			store: register.schedule,
			source,
			clock,
			settings,
			language: (room) => (room === ROOM_B ? 'en' : 'es'),
			focalPoints: [FOCAL],
			log: (line) => log.push(line),
		});
	const h: Harness = {
		register,
		clock,
		source,
		sender,
		log,
		scheduler: make(),
		restart: () => {
			h.scheduler = make();
			return h.scheduler;
		},
		cleanup: async () => {
			await h.scheduler.stop();
			register.close();
			dir.cleanup();
		},
	};
	return h;
}

/** Moves the clock to `t` and waits until the scheduler has sent what was due. */
export async function at(h: Harness, t: number): Promise<void> {
	h.clock.set(t);
	await h.scheduler.idle();
}
