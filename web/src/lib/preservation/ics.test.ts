// The .ics export: RFC 5545 structure, UTC instants, escaping and folding.
import { describe, expect, it } from 'vitest';
import { calendar, escapeText, fold, utcStamp } from './ics.ts';

describe('calendar', () => {
	it('writes one VEVENT per entry with UID, DTSTAMP and DTSTART in UTC, CRLF line ends', () => {
		const expiry = Date.parse('2026-04-06T23:59:59.999-04:00');
		const text = calendar(
			[
				{
					uid: 'abc@rogatory',
					sequence: 1,
					start: expiry,
					summary: 'Preservation expires, us-2703f',
					description: 'Rule: a; b',
					url: 'https://x/en/cases/!r',
				},
			],
			Date.parse('2026-01-01T00:00:00Z'),
		);
		expect(text.split('\r\n')).toEqual([
			'BEGIN:VCALENDAR',
			'VERSION:2.0',
			'PRODID:-//Rogatory//Preservation deadlines//EN',
			'CALSCALE:GREGORIAN',
			'METHOD:PUBLISH',
			'BEGIN:VEVENT',
			'UID:abc@rogatory',
			'SEQUENCE:1',
			'DTSTAMP:20260101T000000Z',
			'DTSTART:20260407T035959Z',
			'SUMMARY:Preservation expires\\, us-2703f',
			'DESCRIPTION:Rule: a\\; b',
			'URL:https://x/en/cases/!r',
			'TRANSP:TRANSPARENT',
			'END:VEVENT',
			'END:VCALENDAR',
			'',
		]);
	});

	it('escapes text and folds long lines at 75 octets without splitting a character', () => {
		expect(escapeText('a\\b,c;d\ne')).toBe('a\\\\b\\,c\\;d\\ne');
		const folded = fold(`SUMMARY:${'я'.repeat(60)}`);
		for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${'я'.repeat(60)}`);
		expect(utcStamp(Date.parse('2026-04-06T23:59:59.999-04:00'))).toBe('20260407T035959Z');
	});
});
