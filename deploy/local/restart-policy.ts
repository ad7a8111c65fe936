// When the local supervisor brings a homeserver back that stopped on its own
// (a crash, an out-of-memory kill, a SIGKILL): as systemd's Restart=on-failure
// does for a service on a real host, after a pause, and only so many
// times in a window (StartLimitBurst / StartLimitIntervalSec), so a Synapse
// that cannot start is not restarted for ever. Pure: the caller keeps the
// times of the earlier restarts and does the waiting.

export interface RestartPolicy {
	/** How long after the exit the homeserver is started again. */
	readonly delayMs: number;
	/** At most this many restarts of one homeserver within `windowMs`. */
	readonly burst: number;
	readonly windowMs: number;
}

/** As a systemd unit with Restart=on-failure, RestartSec=10, StartLimitBurst=5, StartLimitIntervalSec=600. */
export const LOCAL_RESTART: RestartPolicy = { delayMs: 10_000, burst: 5, windowMs: 600_000 };

export type RestartDecision = { readonly restart: true; readonly inMs: number } | { readonly restart: false; readonly reason: string };

/** Whether to restart a homeserver that exited at `now`, given when it was restarted before. */
export function restartDecision(policy: RestartPolicy, earlier: readonly number[], now: number): RestartDecision {
	const recent = earlier.filter((t) => now - t < policy.windowMs).length;
	if (recent >= policy.burst)
		return {
			restart: false,
			reason: `it was restarted ${recent} times in the last ${Math.round(policy.windowMs / 60_000)} minutes; not again`,
		};
	return { restart: true, inMs: policy.delayMs };
}
