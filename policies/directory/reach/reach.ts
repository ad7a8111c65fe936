// Whether a person can be reached now: on call (a rota period holds the
// instant), within their working hours (read on the clock of their own IANA
// time zone, so a contact across the date line is judged on their own day),
// off, or unknown when they published neither hours nor rota. Pure: the
// caller gives the instant.
import { instantMs, minutesOf } from '../events/values.ts';
import type { PersonEntry, WorkingHours } from '../types.ts';

export const REACHABILITIES = ['on-call', 'working-hours', 'off', 'unknown'] as const;
export type Reachability = (typeof REACHABILITIES)[number];

const WEEKDAYS: Readonly<Record<string, number>> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
	let format = formats.get(timeZone);
	if (format === undefined) {
		format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
		if (formats.size >= 256) formats.clear();
		formats.set(timeZone, format);
	}
	return format;
}

/** The ISO weekday (1 = Monday) and the minutes after midnight at `now` on the clock of `timeZone`. */
export function localClock(now: Date, timeZone: string): { readonly weekday: number; readonly minutes: number } {
	const parts = formatFor(timeZone).formatToParts(now);
	const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
	return { weekday: WEEKDAYS[part('weekday')] ?? 0, minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}

function withinHours(hours: WorkingHours, now: Date): boolean {
	const clock = localClock(now, hours.timeZone);
	return hours.days.includes(clock.weekday) && clock.minutes >= minutesOf(hours.from) && clock.minutes < minutesOf(hours.to);
}

export function reachability(person: PersonEntry, now: Date): Reachability {
	const t = now.getTime();
	if (person.rota.some((p) => instantMs(p.from) <= t && t < instantMs(p.to))) return 'on-call';
	if (person.hours === undefined) return person.rota.length > 0 ? 'off' : 'unknown';
	try {
		return withinHours(person.hours, now) ? 'working-hours' : 'off';
	} catch {
		// NOTE: a parsed entry's zone is one Intl knows; an entry built by hand
		// with another zone must not break a directory page.
		return 'unknown';
	}
}

export const reachableNow = (r: Reachability): boolean => r === 'on-call' || r === 'working-hours';
