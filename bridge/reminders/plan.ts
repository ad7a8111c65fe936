// The schedule's arithmetic, pure: the rows a preservation gets (one per
// offset, with an ID derived from the room, the preservation, its expiry and
// the offset, so planning twice gives the same rows), and when an unanswered
// reminder escalates.
import { createHash } from 'node:crypto';
import type { ReminderRow, ReminderSettings, ScheduledPreservation } from './types.ts';

const digest = (...parts: readonly string[]): string => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40);

export function reminderId(room: string, preservation: string, expires: number, offsetMs: number): string {
	return `r-${digest(room, preservation, String(expires), String(offsetMs))}`;
}

export const escalationId = (reminder: string): string => `e-${digest(reminder, 'escalation')}`;

/** The Matrix transaction ID of a row: the same on every attempt, so the homeserver keeps one event. */
export const txnIdOf = (id: string): string => `rogatory-reminder-${id}`;

function row(p: ScheduledPreservation & { expires: number }, offsetMs: number): ReminderRow {
	const id = reminderId(p.room, p.id, p.expires, offsetMs);
	return {
		id,
		room: p.room,
		preservation: p.id,
		kind: 'reminder',
		offsetMs,
		expires: p.expires,
		dueAt: p.expires - offsetMs,
		state: 'scheduled',
		txnId: txnIdOf(id),
		escalates: null,
		sentAt: null,
		eventId: null,
		acknowledgedAt: null,
		acknowledgedBy: null,
	};
}

/** The reminder rows of an active preservation with a deadline; none for an ended one or one without expiry. */
export function planReminders(p: ScheduledPreservation, settings: ReminderSettings): ReminderRow[] {
	const expires = p.expires;
	if (p.status !== 'active' || expires === undefined) return [];
	const offsets = [...new Set(settings.offsets)].filter((o) => Number.isFinite(o) && o >= 0).sort((a, b) => b - a);
	return offsets.map((o) => row({ ...p, expires }, o));
}

/**
 * The escalation of `reminder`, sent at `sentAt`: due after the acknowledgement
 * time, or at the next offset's instant if that comes sooner (but never before
 * the reminder itself was sent).
 */
export function planEscalation(reminder: ReminderRow, sentAt: number, settings: ReminderSettings): ReminderRow {
	const next = settings.offsets
		.filter((o) => o < reminder.offsetMs)
		.map((o) => reminder.expires - o)
		.filter((t) => t > sentAt);
	const dueAt = Math.min(sentAt + settings.escalateAfterMs, ...next);
	const id = escalationId(reminder.id);
	return {
		...reminder,
		id,
		kind: 'escalation',
		dueAt,
		state: 'scheduled',
		txnId: txnIdOf(id),
		escalates: reminder.id,
		sentAt: null,
		eventId: null,
		acknowledgedAt: null,
		acknowledgedBy: null,
	};
}
