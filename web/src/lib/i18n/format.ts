// Locale-aware formatting with the platform's own Intl data (no locale files
// to download): times in the reader's own time zone and conventions, countries
// by name.
import type { Locale } from '../paraglide/runtime.js';

/**
 * The reader's own variant of the page's language when the browser names one
 * (en-GB, es-GT, pt-CV…), so a time reads as it does where they live; else the
 * page's language itself.
 */
export function formattingLocale(
	locale: Locale,
	preferred: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): string {
	for (const tag of preferred) {
		try {
			const [canonical] = Intl.getCanonicalLocales(tag);
			if (canonical !== undefined && new Intl.Locale(canonical).language === locale) return canonical;
		} catch {
			// Not a valid language tag: skip it.
		}
	}
	return locale;
}

/** A time of day in the browser's time zone, e.g. "14:03:07" (en-GB) or "2:03:07 PM" (en-US). */
export function formatTime(epochMs: number, locale: Locale): string {
	return new Intl.DateTimeFormat(formattingLocale(locale), { timeStyle: 'medium' }).format(epochMs);
}

/** The country's name in the reader's language; the code itself when the platform does not know it. */
export function countryName(code: string, locale: Locale): string {
	try {
		return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code) ?? code;
	} catch {
		return code;
	}
}
