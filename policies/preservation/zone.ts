// Time-zone arithmetic over Intl, because Node 24 has no Temporal: the UTC
// offset of a zone at an instant, the wall-clock reading of an instant, and
// the instant at which a local calendar day ends — including zones whose clocks
// change at midnight (Atlantic/Azores, America/Santiago), where a day may begin
// at 01:00 or end twice. Pure: Intl reads the tz database that ships with Node.
import { err, ok, type Result } from '../result.ts';
import { addDays, dayNumber, type CivilDate } from './calendar.ts';

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Accepts IANA names only (not "+05:00"), in their canonical spelling. */
export function resolveZone(name: string): Result<string> {
	if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name))
		return err(`"${name}" is not an IANA time zone such as "America/Guatemala"`);
	try {
		return ok(formatter(name).resolvedOptions().timeZone);
	} catch {
		return err(`"${name}" is not an IANA time zone such as "America/Guatemala"`);
	}
}

function formatter(zone: string): Intl.DateTimeFormat {
	let found = formatters.get(zone);
	if (found === undefined) {
		found = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(zone, found);
	}
	return found;
}

/** Milliseconds since the epoch of a wall-clock reading taken as if it were UTC. */
export const wallMs = (date: CivilDate, msOfDay: number): number => dayNumber(date) * DAY_MS + msOfDay;

export interface Wall {
	readonly date: CivilDate;
	readonly msOfDay: number;
}

/** The wall clock of `zone` at `instant` (milliseconds since the epoch). */
export function wallAt(instant: number, zone: string): Wall {
	const seconds = Math.floor(instant / 1000) * 1000;
	const parts: Record<string, number> = {};
	for (const part of formatter(zone).formatToParts(seconds)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
	const date = { year: parts['year'] ?? 0, month: parts['month'] ?? 0, day: parts['day'] ?? 0 };
	const msOfDay = ((parts['hour'] ?? 0) * 3600 + (parts['minute'] ?? 0) * 60 + (parts['second'] ?? 0)) * 1000 + (instant - seconds);
	return { date, msOfDay };
}

/** The zone's UTC offset at `instant`, in milliseconds (east positive). */
export function offsetAt(instant: number, zone: string): number {
	const wall = wallAt(instant, zone);
	return wallMs(wall.date, wall.msOfDay) - instant;
}

const sameDate = (a: CivilDate, b: CivilDate) => a.year === b.year && a.month === b.month && a.day === b.day;

/** Every instant at which the zone's clock reads local midnight starting `date`: none in a gap, two in an overlap. */
function midnights(date: CivilDate, zone: string): number[] {
	const wall = wallMs(date, 0);
	const offsets = new Set([offsetAt(wall - DAY_MS, zone), offsetAt(wall, zone), offsetAt(wall + DAY_MS, zone)]);
	const found = [...offsets].map((o) => wall - o).filter((t) => sameDate(wallAt(t, zone).date, date) && wallAt(t, zone).msOfDay === 0);
	return [...new Set(found)].sort((a, b) => a - b);
}

/** The first instant in (lo, hi] whose offset differs from the offset at lo (second precision: offsets change on whole seconds). */
function transitionAfter(lo: number, hi: number, zone: string): number {
	const before = offsetAt(lo, zone);
	let low = Math.floor(lo / 1000);
	let high = Math.ceil(hi / 1000);
	while (high - low > 1) {
		const mid = Math.floor((low + high) / 2);
		if (offsetAt(mid * 1000, zone) === before) low = mid;
		else high = mid;
	}
	return high * 1000;
}

/**
 * The last millisecond of local day `date` in `zone`: the instant just before
 * the zone's calendar turns, for good, to the next day.
 */
export function endOfDay(date: CivilDate, zone: string): number {
	const next = addDays(date, 1);
	const candidates = midnights(next, zone).reverse();
	// NOTE: when a clock falls back across midnight the day ends twice; the later end is the true one.
	for (const c of candidates) if (dayNumber(wallAt(c - 1, zone).date) <= dayNumber(date)) return c - 1;
	// Midnight falls in a gap (clocks spring forward at 00:00): the next day begins at the transition.
	const wall = wallMs(next, 0);
	return transitionAfter(wall - offsetAt(wall + DAY_MS, zone), wall - offsetAt(wall - DAY_MS, zone), zone) - 1;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `instant` written in ISO 8601 with the zone's own offset at that instant, e.g. 2026-04-30T23:59:59.999-06:00. */
export function formatInZone(instant: number, zone: string): string {
	const offset = offsetAt(instant, zone);
	// NOTE: local mean time before ~1900 has offsets in seconds, which ISO 8601 cannot write: fall back to UTC.
	if (offset % 60_000 !== 0) return formatInZone(instant, 'UTC');
	const { date, msOfDay } = wallAt(instant, zone);
	const offsetMinutes = offset / 60_000;
	const time = `${pad(Math.floor(msOfDay / 3_600_000))}:${pad(Math.floor(msOfDay / 60_000) % 60)}:${pad(Math.floor(msOfDay / 1000) % 60)}.${pad(msOfDay % 1000, 3)}`;
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
