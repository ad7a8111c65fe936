import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../roster/types.ts';
import { lapsingMailText, mailText } from './mail-text.ts';

const LINK = 'https://rogatory.mp.gob.gt.example/en/notifications';

describe('the notification mail', () => {
	it('says how many wait, with a link, and nothing else', () => {
		expect(mailText({ urgentRequests: 1, newRequests: 0, updates: 0 }, LINK, 'en')).toEqual({
			subject: 'You have 1 urgent request waiting in Rogatory',
			body:
				'You have 1 urgent request waiting in Rogatory.\n\nOpen Rogatory to read them:\n' +
				`${LINK}\n\nThis message says nothing about the cases on purpose: mail is not end-to-end encrypted. ` +
				'Change which mails you get in Rogatory, under Notifications.\n',
		});
		expect(mailText({ urgentRequests: 2, newRequests: 1, updates: 5 }, LINK, 'en')?.subject).toBe(
			'You have 2 urgent requests, 1 new request and 5 updates waiting in Rogatory',
		);
	});

	it('uses each language’s plural forms', () => {
		const subject = (n: number) => mailText({ urgentRequests: n, newRequests: 0, updates: 0 }, LINK, 'ru')?.subject;
		expect(subject(1)).toBe('В Rogatory вас ожидают: 1 срочный запрос');
		expect(subject(3)).toBe('В Rogatory вас ожидают: 3 срочных запроса');
		expect(subject(11)).toBe('В Rogatory вас ожидают: 11 срочных запросов');
		expect(mailText({ urgentRequests: 0, newRequests: 2, updates: 0 }, LINK, 'es')?.subject).toBe(
			'Pendiente en Rogatory: 2 solicitudes nuevas',
		);
	});

	it('is written in all five languages, each different, and is no mail when nothing waits', () => {
		const subjects = LANGUAGES.map((l) => mailText({ urgentRequests: 1, newRequests: 1, updates: 1 }, LINK, l)?.subject);
		expect(new Set(subjects).size).toBe(5);
		for (const s of subjects) expect(s).toMatch(/Rogatory/);
		expect(mailText({ urgentRequests: 0, newRequests: 0, updates: 0 }, LINK, 'fr')).toBeUndefined();
		expect(mailText({ urgentRequests: -1, newRequests: Number.NaN, updates: 0 }, LINK, 'fr')).toBeUndefined();
	});

	it('says a preservation needs attention within 48 hours, in five languages, and nothing of which one', () => {
		expect(lapsingMailText(LINK, 'en')).toEqual({
			subject: 'A preservation in Rogatory needs attention within 48 hours',
			body:
				'A preservation in Rogatory needs attention within 48 hours.\n\nOpen Rogatory to see it:\n' +
				`${LINK}\n\nThis message says nothing about the cases on purpose: mail is not end-to-end encrypted. ` +
				'Change which mails you get in Rogatory, under Notifications.\n',
		});
		const subjects = LANGUAGES.map((l) => lapsingMailText(LINK, l).subject);
		expect(new Set(subjects).size).toBe(5);
		for (const s of subjects) expect(s).toMatch(/Rogatory.*48|48.*Rogatory/);
	});
});
