// A cap on escalation mails per person (issue 16): however many urgent
// requests or lapsing preservations arrive at once — a busy night, or a
// member's account opening hundreds of "urgent" requests to flood the on-call
// phone — one person gets at most `perHour` escalation mails in any hour. A
// step's mail to someone over the cap is held, not queued: each mail they
// got already says to open Rogatory, where every waiting request is listed;
// the step still counts as taken, so the escalation goes on to the next on
// the rota on time, and the case says only who was mailed. Pure.

/** Escalation mails to one person in any hour, when the site does not say (mail.urgent_mails_per_hour). */
export const DEFAULT_URGENT_MAILS_PER_HOUR = 10;
export const HOUR_MS = 3_600_000;

export interface CapSplit {
	/** Mailed now. */
	readonly mail: readonly string[];
	/** Over the cap: not mailed for this step. */
	readonly held: readonly string[];
}

/**
 * Splits a step's recipients by the mails each got in the past hour (`mailedLastHour`); a person named twice is
 * mailed once, and the ones mailed now count toward a later recipient only as themselves.
 */
export function splitByCap(recipients: readonly string[], mailedLastHour: (recipient: string) => number, perHour: number): CapSplit {
	const mail: string[] = [];
	const held: string[] = [];
	for (const recipient of new Set(recipients)) (mailedLastHour(recipient) < perHour ? mail : held).push(recipient);
	return { mail, held };
}
