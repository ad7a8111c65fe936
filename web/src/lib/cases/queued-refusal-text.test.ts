import { describe, expect, it } from 'vitest';
import keyboardEn from '../../../messages/keyboard/en.json' with { type: 'json' };
import offlineEn from '../../../messages/offline/en.json' with { type: 'json' };
import { LANGUAGES } from '#policies/roster/types.ts';
import * as m from '../paraglide/messages.js';
import type { Refusal } from './outbox.ts';
import { queuedRefusalText, retryHelps } from './queued-refusal-text.ts';

const REFUSALS: readonly Refusal[] = [
	{ kind: 'homeserver', status: 403 },
	{ kind: 'homeserver' },
	{ kind: 'file-missing' },
	{ kind: 'moved-meanwhile', now: 'withdrawn' },
];

describe('what the page says of a message that was not sent', () => {
	it.each(LANGUAGES.filter((locale) => locale !== 'en'))('says it in %s, never in English', (locale) => {
		for (const refusal of REFUSALS) {
			const text = queuedRefusalText(refusal, locale);
			expect(text).not.toBe('');
			expect(text).not.toBe(queuedRefusalText(refusal, 'en'));
			for (const english of [...Object.values(keyboardEn), ...Object.values(offlineEn)])
				expect(text).not.toContain(english.split('{')[0]!.trim());
		}
	});

	it('names the status the case moved to in the reader’s language, and offers no retry that cannot help', () => {
		expect(queuedRefusalText({ kind: 'moved-meanwhile', now: 'withdrawn' }, 'en')).toContain('“Withdrawn”');
		expect(queuedRefusalText({ kind: 'moved-meanwhile', now: 'withdrawn' }, 'es')).not.toContain('Withdrawn');
		expect(retryHelps({ kind: 'moved-meanwhile', now: 'withdrawn' })).toBe(false);
		expect(retryHelps({ kind: 'file-missing' })).toBe(false);
		expect(retryHelps({ kind: 'homeserver', status: 403 })).toBe(true);
	});

	it('gives the homeserver’s HTTP status and the missing file in words, nothing of the homeserver’s own', () => {
		expect(queuedRefusalText({ kind: 'homeserver', status: 403 }, 'ru')).toBe(m.case_queued_refused({ status: '403' }, { locale: 'ru' }));
		expect(queuedRefusalText({ kind: 'homeserver' }, 'fr')).toBe(m.case_queued_refused_plain({}, { locale: 'fr' }));
		expect(queuedRefusalText({ kind: 'file-missing' }, 'pt')).toBe(m.case_queued_file_gone({}, { locale: 'pt' }));
	});
});
