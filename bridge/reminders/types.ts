// What the reminders need to know of a preservation, and their settings.
// Narrow on purpose: the preservation records (policies/preservation/record)
// are adapted to this in source.ts, so the scheduler does not depend on how a
// record is folded.

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

export type ReminderKind = 'reminder' | 'escalation';

/**
 * A row of the schedule (the register's `reminders` table). States:
 * scheduled → sending → sent; or skipped (a later offset was due as well when
 * it came up: one reminder, the latest), cancelled (the preservation ended, its
 * expiry moved, or — for an escalation — the reminder was acknowledged), or
 * failed (the room refused the bot: 403/404).
 */
export type ReminderState = 'scheduled' | 'sending' | 'sent' | 'skipped' | 'cancelled' | 'failed';

export interface ReminderRow {
	readonly id: string;
	readonly room: string;
	readonly preservation: string;
	readonly kind: ReminderKind;
	/** The offset before expiry (ms) this reminder is for; an escalation carries its reminder's. */
	readonly offsetMs: number;
	/** The expiry this row was planned for: when it moves, the rows of the old one are cancelled. */
	readonly expires: number;
	readonly dueAt: number;
	readonly state: ReminderState;
	/** The Matrix transaction ID, derived from the id: a resend after a crash is the same request. */
	readonly txnId: string;
	/** For an escalation: the reminder it escalates. */
	readonly escalates: string | null;
	readonly sentAt: number | null;
	readonly eventId: string | null;
	readonly acknowledgedAt: number | null;
	readonly acknowledgedBy: string | null;
}
