// What the reminders need to know of a preservation, and their settings.
// Narrow on purpose: the preservation records (policies/preservation/record)
// are adapted to this in source.ts, so the scheduler does not depend on how a
// record is folded.
import type { ScheduleRow, ScheduleState } from '../register/schedule.ts';

export interface ScheduledPreservation {
	readonly room: string;
	/** The preservation's ID in its room (the event ID of its request). */
	readonly id: string;
	/** When it lapses, epoch ms; undefined while there is no deadline yet (not confirmed). */
	readonly expires: number | undefined;
	/** The legal zone the deadline is counted in (IANA), named in every reminder. */
	readonly zone: string;
	/** Who to remind: Matrix user IDs, mentioned. */
	readonly responsible: readonly string[];
	/** Whom to escalate to when nobody acknowledges; the authority's focal points when left out. */
	readonly focalPoint?: string;
	/** For the reminder's text: the custodian and what is preserved. */
	readonly label: string;
	/** `ended`: released, or held by a follow-up request under its rule — no more reminders. */
	readonly status: 'active' | 'ended';
}

export interface ReminderSettings {
	/** Milliseconds before expiry, one reminder each (0 = at expiry). */
	readonly offsets: readonly number[];
	/** Escalate when a reminder is not acknowledged within this long (or before the next offset, if sooner). */
	readonly escalateAfterMs: number;
	/** Pause before sending again after a failed send. */
	readonly retryMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The defaults: 14 days, 7 days, 48 hours, 24 hours and at expiry; escalation after 24 hours. */
export const DEFAULT_SETTINGS: ReminderSettings = {
	offsets: [14 * DAY, 7 * DAY, 48 * HOUR, 24 * HOUR, 0],
	escalateAfterMs: 24 * HOUR,
	retryMs: 10_000,
};

/** The schedule's rows and states are the register's (bridge/register/schedule.ts). */
export type ReminderRow = ScheduleRow;
export type ReminderState = ScheduleState;
export type ReminderKind = ScheduleRow['kind'];
