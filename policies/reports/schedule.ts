// When a bridge sends its reports (docs/secretariat-reports.md, "Sending"):
// time is cut into periods of `hours` from the Unix epoch — the register's
// head every 24 hours, the statistics every `bridge.report_statistics_every_hours`
// — and one report of each kind goes to each reports room per period. The
// period names the report: its transaction ID is made from the room, the kind
// and the period, so a report sent again after a crash (before the bridge
// could write that it was sent) is the same request, and the homeserver
// answers with the event it made the first time instead of making another.
// Pure.

export const REPORT_KINDS = ['witness', 'statistics'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The register's head goes daily (issue 13). */
export const WITNESS_EVERY_HOURS = 24;
/** The statistics, unless the site says otherwise. */
export const DEFAULT_STATISTICS_EVERY_HOURS = 24;

const HOUR_MS = 3_600_000;

/** The period `nowMs` falls in, for a report sent every `hours`: `24h:20791`. */
export function reportPeriod(nowMs: number, hours: number): string {
	return `${hours}h:${Math.floor(nowMs / (hours * HOUR_MS))}`;
}

/** Whether a report of this period is still to be sent, given the period the last one was sent in. */
export const reportDue = (lastSentPeriod: string | undefined, period: string): boolean => lastSentPeriod !== period;
