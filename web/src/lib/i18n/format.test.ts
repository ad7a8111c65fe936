import { describe, expect, it } from 'vitest';
import { countryName, formattingLocale } from './format.ts';

describe('formattingLocale', () => {
	it("uses the browser's variant of the page's language", () => {
		expect(formattingLocale('en', ['fr-FR', 'en-GB', 'en-US'])).toBe('en-GB');
		expect(formattingLocale('pt', ['pt-cv'])).toBe('pt-CV');
	});

	it("falls back to the page's language, skipping invalid tags", () => {
		expect(formattingLocale('ru', ['kk-KZ', 'not a tag'])).toBe('ru');
		expect(formattingLocale('es', [])).toBe('es');
	});
});

describe('countryName', () => {
	it('names the country in the reader’s language', () => {
		expect(countryName('KZ', 'ru')).toBe('Казахстан');
		expect(countryName('GT', 'fr')).toBe('Guatemala');
	});
});
