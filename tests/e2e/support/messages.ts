// The app's own message catalogues, so the tests look for exactly the text
// each language should show.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../policies/roster/types.ts';

export { LANGUAGE_NAMES };
export const LOCALES = LANGUAGES;
export type Locale = Language;

const catalogues = new Map<Locale, Readonly<Record<string, unknown>>>();

/** The message `key` in `locale`, with `{name}` placeholders filled from `values`. */
export function message(locale: Locale, key: string, values: Readonly<Record<string, string | number>> = {}): string {
	let catalogue = catalogues.get(locale);
	if (catalogue === undefined) {
		const messages = join(import.meta.dirname, '..', '..', '..', 'web', 'messages');
		catalogue = Object.assign(
			{},
			...[
				join(messages, `${locale}.json`),
				join(messages, 'register', `${locale}.json`),
				join(messages, 'preservation', `${locale}.json`),
				join(messages, 'sessions', `${locale}.json`),
			].map((file) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>),
		) as Record<string, unknown>;
		catalogues.set(locale, catalogue);
	}
	const text = catalogue[key];
	if (typeof text !== 'string')
		throw new Error(`no message "${key}" in web/messages/${locale}.json nor web/messages/{register,preservation,sessions}/${locale}.json`);
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
