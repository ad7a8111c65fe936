// When a preservation (or a related clock) runs out, by its rule.
//
// The convention, and why (docs/preservation-rules.md has the long form):
// - The period is counted in calendar days/months/years on the calendar of the
//   LEGAL zone — the jurisdiction whose law applies — not the viewer's and not
//   the offset the start was written with.
// - The day of the starting event is not counted; the period ends at the END
//   of its last day (Regulation (EEC, Euratom) No 1182/71 art. 3(1) and
//   3(2)(b)-(c); the common-law rule is the same, e.g. Fed. R. Crim. P. 45(a)).
//   So 60 days from 2026-03-01T10:00 run to the end of 2026-04-30, and one
//   month from January 31 ends with the last day of February.
// - "End of the day" is the last millisecond before the zone's calendar turns
//   to the next day (23:59:59.999 local, whatever DST does that night).
// - Each extension adds its period to the last day of the previous one.
// - Saturdays, Sundays and public holidays never move the date: some laws
//   (1182/71 art. 3(4)) would end the period later, never earlier, so the date
//   shown is never later than the law's.
import { err, ok, type Result } from '../result.ts';
import { addPeriod, formatDate, type CivilDate } from './calendar.ts';
import { parseInstant } from './instant.ts';
import type { PreservationRule, RuleId } from './types.ts';
import { endOfDay, formatInZone, resolveZone, wallAt } from './zone.ts';

export interface DeadlineRequest {
	readonly rule: PreservationRule;
	/** ISO 8601 date-time with offset: when the starting event happened. */
	readonly start: string;
	/** Extensions already granted (0 for the initial period). */
	readonly extensions: number;
	/** The legal zone for this case; `null` takes the rule's default. */
	readonly zone: string | null;
}

export interface Deadline {
	readonly rule: RuleId;
	readonly citation: string;
	/** The legal zone the period was counted in (IANA name). */
	readonly zone: string;
	/** The last day of the period on the legal zone's calendar (YYYY-MM-DD). */
	readonly lastDay: string;
	/** The expiry instant in milliseconds since the epoch. */
	readonly expiresAt: number;
	/** The expiry instant in ISO 8601 with the legal zone's offset. */
	readonly expires: string;
	/** Extensions still allowed; `null` when the instrument sets no limit. */
	readonly extensionsLeft: number | null;
}

export const DEADLINE_ERRORS = ['malformed-start', 'unknown-zone', 'zone-required', 'extension-not-allowed', 'out-of-range'] as const;
export type DeadlineErrorCode = (typeof DEADLINE_ERRORS)[number];

export interface DeadlineError {
	readonly code: DeadlineErrorCode;
	readonly reason: string;
}

const fail = (code: DeadlineErrorCode, reason: string) => err<DeadlineError>({ code, reason });
const MAX_YEAR = 9999;

export function computeDeadline(request: DeadlineRequest): Result<Deadline, DeadlineError> {
	const { rule, extensions } = request;
	const start = parseInstant(request.start);
	if (!start.ok) return fail('malformed-start', `--start ${start.error}`);
	const zoneName = request.zone ?? rule.zone.default;
	if (zoneName === null)
		return fail('zone-required', `rule ${rule.id} counts in the time zone of ${rule.zone.law}: name it with --zone <IANA zone>`);
	const zone = resolveZone(zoneName);
	if (!zone.ok) return fail('unknown-zone', `--zone ${zone.error}`);
	if (!Number.isSafeInteger(extensions) || extensions < 0)
		return fail('extension-not-allowed', `the number of extensions must be a whole number ≥ 0, not ${extensions}`);
	const max = rule.extension === null ? 0 : rule.extension.max;
	if (max !== null && extensions > max)
		return fail(
			'extension-not-allowed',
			`rule ${rule.id} (${rule.citation}) allows ${max === 0 ? 'no extension' : max === 1 ? 'one extension' : `${max} extensions`}, not ${extensions}`,
		);
	let last: CivilDate = addPeriod(wallAt(start.value, zone.value).date, rule.period);
	for (let i = 0; i < extensions && last.year <= MAX_YEAR && rule.extension !== null; i++) last = addPeriod(last, rule.extension.period);
	if (last.year > MAX_YEAR) return fail('out-of-range', `the period would end after the year ${MAX_YEAR}`);
	const expiresAt = endOfDay(last, zone.value);
	return ok({
		rule: rule.id,
		citation: rule.citation,
		zone: zone.value,
		lastDay: formatDate(last),
		expiresAt,
		expires: formatInZone(expiresAt, zone.value),
		extensionsLeft: max === null ? null : max - extensions,
	});
}
