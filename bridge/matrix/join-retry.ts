// When the bot tries a refused join again. Synapse relays a remote invitation
// before it has stored it, and refuses a join in that moment with 403 "You are
// not invited to this room" (docs/matrix-notes.md); nothing in later syncs
// brings the invitation back, so a bot that gave up at the first 403 never
// joined the room and its register never held the request. A 403 on a join is
// tried again at later sync rounds, each at least the next delay after the
// last attempt, as the web client does (web/src/lib/cases/invitations.ts);
// when the delays are spent, the bot gives up. Pure.

/** Waits before each further attempt after a refused join. */
export const JOIN_RETRY_DELAYS_MS: readonly number[] = [2_000, 3_000, 5_000, 10_000, 20_000, 30_000, 60_000];

export interface RefusedJoin {
	/** Refused attempts so far. */
	readonly attempts: number;
	/** When the last one was refused (ms since the epoch). */
	readonly at: number;
}

/** Whether a join refused before may be tried now. */
export function mayTryJoin(refused: RefusedJoin | undefined, now: number): boolean {
	if (refused === undefined) return true;
	const delay = JOIN_RETRY_DELAYS_MS[refused.attempts - 1];
	return delay !== undefined && now - refused.at >= delay;
}

/** After a join refused with `status`: the record to keep for the next attempt, or undefined to give up. */
export function afterRefusedJoin(refused: RefusedJoin | undefined, status: number, now: number): RefusedJoin | undefined {
	const attempts = (refused?.attempts ?? 0) + 1;
	return status === 403 && attempts <= JOIN_RETRY_DELAYS_MS.length ? { attempts, at: now } : undefined;
}
