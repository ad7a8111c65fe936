import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../policies/roster/types.ts';
import { days, DAYS, PHRASES, phrase, type PhraseKey } from './i18n.ts';
import { ALIASES, COMMAND_NAMES } from './parse.ts';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('the commands’ phrases', () => {
	it('fill every key in all five languages, with the English placeholders', () => {
		for (const key of Object.keys(PHRASES) as PhraseKey[]) {
			const english = placeholders(PHRASES[key].en);
			for (const language of LANGUAGES) {
				expect(PHRASES[key][language].trim(), `${key}.${language}`).not.toBe('');
				expect(placeholders(PHRASES[key][language]), `${key}.${language}`).toEqual(english);
			}
		}
	});

	it('have a help line for every command, and a command word in every language', () => {
		for (const name of COMMAND_NAMES) {
			expect(Object.hasOwn(PHRASES, `help.${name}`)).toBe(true);
			for (const language of LANGUAGES) expect(ALIASES[language][name]).not.toMatch(/\s|^$/);
		}
	});

	it('count days with each language’s plural forms', () => {
		expect(days(1, 'en')).toBe('1 day');
		expect(days(2, 'en')).toBe('2 days');
		expect(days(1, 'ru')).toBe('1 день');
		expect(days(3, 'ru')).toBe('3 дня');
		expect(days(5, 'ru')).toBe('5 дней');
		expect(days(21, 'ru')).toBe('21 день');
		expect(days(0, 'fr')).toBe('0 jour');
		for (const language of LANGUAGES) for (let n = 0; n < 120; n++) expect(days(n, language)).toContain(String(n));
		for (const language of LANGUAGES) expect(DAYS[language].other).toContain('{n}');
	});

	it('fills placeholders and leaves unknown ones visible', () => {
		expect(phrase('rejected', 'fr', { count: 2 })).toBe('Événements refusés : 2');
		expect(phrase('rejected', 'en')).toBe('Rejected events: {count}');
	});
});
