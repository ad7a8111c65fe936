// The viewer's preservation deadlines as an iCalendar file (RFC 5545), built
// in the browser from decrypted records and downloaded — never sent anywhere.
// NOTE: there is no subscription URL on purpose: a calendar server would have
// to read the deadlines, i.e. case content the homeservers never see in clear.
// The file itself carries no case content either (no custodian, no data, no
// title): imported calendars often sync to third-party servers. Each event
// says which rule and links to the case page.

export interface CalendarEntry {
	/** Stable per preservation, so a later export updates the same event. */
	readonly uid: string;
	/** Bumped by each extension, so calendars take the newer date. */
	readonly sequence: number;
	readonly start: number;
	readonly summary: string;
	readonly description: string;
	readonly url: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant in UTC basic format, e.g. 20260407T035959Z (seconds truncated, never rounded up past it). */
export function utcStamp(instant: number): string {
	const d = new Date(Math.floor(instant / 1000) * 1000);
	return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newline escaped. */
export const escapeText = (text: string): string => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

/** RFC 5545 §3.1: lines of at most 75 octets, continued with CRLF and a space; never splits a UTF-8 character. */
export function fold(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		const limit = parts.length === 0 ? 75 : 74;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

export function calendar(entries: readonly CalendarEntry[], now: number): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Rogatory//Preservation deadlines//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
	];
	for (const e of entries) {
		lines.push(
			'BEGIN:VEVENT',
			`UID:${escapeText(e.uid)}`,
			`SEQUENCE:${e.sequence}`,
			`DTSTAMP:${utcStamp(now)}`,
			`DTSTART:${utcStamp(e.start)}`,
			`SUMMARY:${escapeText(e.summary)}`,
			`DESCRIPTION:${escapeText(e.description)}`,
			`URL:${e.url}`,
			'TRANSP:TRANSPARENT',
			'END:VEVENT',
		);
	}
	lines.push('END:VCALENDAR');
	return `${lines.map(fold).join('\r\n')}\r\n`;
}
