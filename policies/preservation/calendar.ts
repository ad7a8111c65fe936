// Calendar dates without a time or a zone, and the period arithmetic on them.
// A legal period is counted on the calendar of the legal zone (deadline.ts turns
// the result back into an instant), so this file never sees a UTC offset.
import type { Period } from './types.ts';

export interface CivilDate {
	readonly year: number;
	readonly month: number; // 1–12
	readonly day: number; // 1–31
}

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
	if (month === 2) return isLeapYear(year) ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (no Date object: years 1–99 stay themselves). */
export function dayNumber(date: CivilDate): number {
	// NOTE: the days-from-civil algorithm (eras of 400 years), exact for every year ≥ 1.
	const y = date.month <= 2 ? date.year - 1 : date.year;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const mp = (date.month + 9) % 12;
	const doy = Math.floor((153 * mp + 2) / 5) + date.day - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146_097 + doe - 719_468;
}

export function fromDayNumber(days: number): CivilDate {
	const z = days + 719_468;
	const era = Math.floor(z / 146_097);
	const doe = z - era * 146_097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export const addDays = (date: CivilDate, days: number): CivilDate => fromDayNumber(dayNumber(date) + days);

/**
 * Adds months, keeping the day of the month; when the target month is shorter
 * the period ends on its last day (Jan 31 + 1 month = Feb 28, or 29 in a leap
 * year) — the rule of Regulation (EEC, Euratom) No 1182/71 art. 3(2)(c).
 */
export function addMonths(date: CivilDate, months: number): CivilDate {
	const index = date.year * 12 + (date.month - 1) + months;
	const year = Math.floor(index / 12);
	const month = index - year * 12 + 1;
	return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function addPeriod(date: CivilDate, period: Period): CivilDate {
	switch (period.unit) {
		case 'days':
			return addDays(date, period.amount);
		case 'months':
			return addMonths(date, period.amount);
		case 'years':
			return addMonths(date, period.amount * 12);
	}
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

export const formatDate = (date: CivilDate): string => `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
