// The five languages the product speaks, each named in itself, so a reader
// finds their own language in the switcher whatever the page is in now.
import { LANGUAGE_NAMES } from '#policies/roster/types.ts';
import { locales, type Locale } from '../paraglide/runtime.js';

export { LANGUAGE_NAMES };

export interface LanguageChoice {
	readonly locale: Locale;
	/** The language's name in itself. */
	readonly name: string;
	/** The current page in that language. */
	readonly href: string;
	readonly current: boolean;
}

export function languageChoices(current: Locale, hrefFor: (locale: Locale) => string): LanguageChoice[] {
	return locales.map((locale) => ({ locale, name: LANGUAGE_NAMES[locale], href: hrefFor(locale), current: locale === current }));
}
