// Reads the start of a period: an ISO 8601 date-time WITH its UTC offset
// (2026-03-01T10:00-06:00, 2026-03-01T16:00:00Z). Strict on purpose — a date
// without an offset is ambiguous by up to a day, and Date.parse would silently
// roll 2026-02-30 over to March 2 — so anything else is refused with a reason.
import { err, ok, type Result } from '../result.ts';
import { dayNumber, daysInMonth } from './calendar.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch; sub-millisecond digits are dropped (truncated, never rounded up past the instant). */
export function parseInstant(text: string): Result<number> {
	const match = ISO.exec(text);
	const bad = (why: string) => err(`"${text}" is not a date-time with offset such as 2026-03-01T10:00-06:00: ${why}`);
	if (match === null) {
		if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(text)) return bad('it has no UTC offset');
		return bad('not ISO 8601');
	}
	const [, y, mo, d, h, mi, s, frac, offset] = match;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	const hour = Number(h);
	const minute = Number(mi);
	const second = Number(s ?? '0');
	if (year < 1) return bad('the year must be 0001 or later');
	if (month < 1 || month > 12) return bad(`there is no month ${mo}`);
	if (day < 1 || day > daysInMonth(year, month)) return bad(`${y}-${mo} has no day ${d}`);
	if (hour > 23) return bad(`there is no hour ${h}`);
	if (minute > 59) return bad(`there is no minute ${mi}`);
	if (second > 59) return bad(`there is no second ${s ?? ''}`);
	let offsetMs = 0;
	if (offset !== undefined && offset !== 'Z') {
		// NOTE: RFC 3339 §4.3: "-00:00" means the local offset is unknown — exactly what this refuses.
		if (offset === '-00:00') return bad('-00:00 means an unknown offset');
		const oh = Number(offset.slice(1, 3));
		const om = Number(offset.slice(4, 6));
		if (oh > 23 || om > 59) return bad(`there is no offset ${offset}`);
		offsetMs = (offset.startsWith('-') ? -1 : 1) * (oh * 60 + om) * 60_000;
	}
	const ms = Number((frac ?? '').padEnd(3, '0').slice(0, 3));
	const wall = dayNumber({ year, month, day }) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
	return ok(wall - offsetMs);
}
