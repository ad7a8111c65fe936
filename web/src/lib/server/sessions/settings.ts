// How long web sessions live and how often they are re-checked with the
// user's homeserver. The lifetimes are fixed (docs/decisions.md says why);
// the re-check interval, the grace for an unreachable homeserver and the
// sign-in limiter's memory are read from the environment at start (env.ts),
// each error naming its variable.
import { err, ok, type Result } from '#policies/result.ts';

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** A session unused this long ends; using it in the second half of it extends it by a full one. */
export const SESSION_IDLE_MS = 1 * DAY_MS;
/** No session lives longer than this from its creation, however much it is used. */
export const SESSION_ABSOLUTE_MS = 7 * DAY_MS;
/** One person keeps at most this many web sessions; a new one ends the oldest. */
export const MAX_SESSIONS_PER_USER = 20;

export interface RecheckSettings {
	/** A session last confirmed longer ago than this is checked with the homeserver on its next request. */
	readonly intervalMs: number;
	/** While the homeserver cannot be reached, pages are still served this long after the last confirmation; exports never are. */
	readonly graceMs: number;
	/** After an unanswered check, the homeserver is not asked again for this long (min(interval, 30 s)). */
	readonly retryMs: number;
}

export const DEFAULT_RECHECK_SECONDS = 300;
export const DEFAULT_GRACE_SECONDS = 900;
export const DEFAULT_TRACKED_ADDRESSES = 10_000;

export function recheckSettings(recheckSeconds: number, graceSeconds: number): RecheckSettings {
	const intervalMs = recheckSeconds * SECOND_MS;
	return { intervalMs, graceMs: graceSeconds * SECOND_MS, retryMs: Math.min(intervalMs, 30 * SECOND_MS) };
}

/**
 * An environment variable holding a whole number within bounds; unset or
 * blank means the default. The error names the variable and what it wants.
 */
export function wholeNumberVariable(
	name: string,
	value: string | undefined,
	bounds: { readonly fallback: number; readonly min: number; readonly max: number },
): Result<number, string> {
	if (value === undefined || value.trim() === '') return ok(bounds.fallback);
	const text = value.trim();
	const number = /^\d+$/.test(text) ? Number(text) : Number.NaN;
	if (!Number.isSafeInteger(number) || number < bounds.min || number > bounds.max)
		return err(`${name}: must be a whole number from ${bounds.min} to ${bounds.max} (got "${value}")`);
	return ok(number);
}
