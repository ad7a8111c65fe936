// When the bridge mails a person about what waits for them in Rogatory
// (issue 16): urgent items at once; anything else gathered, so a busy day is
// at most one mail per `windowMinutes` per person. Pure: the caller keeps
// what is pending, when the person was last mailed, and gives the instant.

export interface PendingItem {
	readonly urgent: boolean;
	/** When it became pending, milliseconds since 1970. */
	readonly since: number;
}

export type MailDecision = { readonly send: 'now' } | { readonly send: 'later'; readonly at: number } | { readonly send: 'nothing' };

export function mailDecision(
	pending: readonly PendingItem[],
	lastMailedAt: number | undefined,
	now: number,
	windowMinutes = 60,
): MailDecision {
	if (pending.length === 0) return { send: 'nothing' };
	if (pending.some((p) => p.urgent)) return { send: 'now' };
	if (lastMailedAt === undefined) return { send: 'now' };
	const at = lastMailedAt + windowMinutes * 60_000;
	return now >= at ? { send: 'now' } : { send: 'later', at };
}
