import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../policies/roster/types.ts';
import { expiryIn, REMINDER_PHRASES, reminderNotice, timeLeft } from './text.ts';
import { DAY, HOUR } from './testing.ts';

const placeholders = (text: string): string[] => [...text.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();

describe('the reminders’ words', () => {
	it('has every phrase in the five languages with the English placeholders', () => {
		for (const [name, phrase] of Object.entries(REMINDER_PHRASES)) {
			for (const language of LANGUAGES) {
				expect(phrase[language], `${name}.${language}`).not.toBe('');
				expect(placeholders(phrase[language]), `${name}.${language}`).toEqual(placeholders(phrase.en));
			}
		}
	});

	it('writes the expiry on the legal zone’s calendar, across a DST change', () => {
		const summer = Date.UTC(2026, 6, 1, 21, 59, 59, 999);
		expect(expiryIn(summer, 'Europe/Madrid')).toBe('2026-07-01 23:59 UTC+02:00');
		expect(expiryIn(Date.UTC(2026, 11, 1, 22, 59), 'Europe/Madrid')).toBe('2026-12-01 23:59 UTC+01:00');
	});

	it('says the time left in days, hours, or that it has expired', () => {
		expect(timeLeft('en', 14 * DAY, 0)).toBe('in 14 days');
		expect(timeLeft('en', 14 * DAY, 2000)).toBe('in 14 days');
		expect(timeLeft('en', 48 * HOUR, 1000)).toBe('in 2 days');
		expect(timeLeft('fr', 24 * HOUR, 0)).toBe('dans 24 heures');
		expect(timeLeft('es', 47 * HOUR, 0)).toBe('en 47 horas');
		expect(timeLeft('ru', 0, 0)).toBe('срок истёк');
	});

	it('mentions the people in the body and in m.mentions, and asks nothing when there is nobody to mention', () => {
		const input = { kind: 'reminder', language: 'pt', label: 'X', expires: 2 * DAY, zone: 'UTC', now: 0 } as const;
		const notice = reminderNotice({ ...input, mention: ['@a:x', '@b:x'] });
		expect(notice.msgtype).toBe('m.notice');
		expect(notice['m.mentions']).toEqual({ user_ids: ['@a:x', '@b:x'] });
		expect(notice.body).toContain('@a:x, @b:x: prorrogue-a');
		expect(reminderNotice({ ...input, mention: [] }).body.split('\n')).toHaveLength(1);
	});
});
