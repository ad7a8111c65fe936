// The app's own message catalogues, so the tests look for exactly the text
// each language should show: every file project.inlang/settings.json names,
// as Paraglide reads them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { LANGUAGE_NAMES, LANGUAGES, type Language } from '#policies/roster/types.ts';

export { LANGUAGE_NAMES };
export const LOCALES = LANGUAGES;
export type Locale = Language;

const catalogues = new Map<Locale, Readonly<Record<string, unknown>>>();
const ROOT = join(import.meta.dirname, '..', '..', '..');

/** The catalogue files of a locale, from the inlang project's path patterns. */
function catalogueFiles(locale: Locale): string[] {
	const settings = JSON.parse(readFileSync(join(ROOT, 'project.inlang', 'settings.json'), 'utf8')) as {
		'plugin.inlang.messageFormat': { pathPattern: string[] };
	};
	return settings['plugin.inlang.messageFormat'].pathPattern.map((pattern) => join(ROOT, pattern.replace('{locale}', locale)));
}

/** The message `key` in `locale`, with `{name}` placeholders filled from `values`. */
export function message(locale: Locale, key: string, values: Readonly<Record<string, string | number>> = {}): string {
	let catalogue = catalogues.get(locale);
	if (catalogue === undefined) {
		catalogue = Object.assign(
			{},
			...catalogueFiles(locale).map((file) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>),
		) as Record<string, unknown>;
		catalogues.set(locale, catalogue);
	}
	const text = catalogue[key];
	if (typeof text !== 'string') throw new Error(`no message "${key}" in ${catalogueFiles(locale).join(', ')}`);
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
