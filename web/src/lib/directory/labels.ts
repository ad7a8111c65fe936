// The directory's vocabulary in the reader's language: measures, roles,
// kinds of authority, means of contact, reachability (the core's label
// tables); languages by name (Intl), the day of an entry's last update.
import { labelOf } from '#policies/cases/i18n/labels.ts';
import {
	AUTHORITY_KIND_LABELS,
	CHANNEL_KIND_LABELS,
	DIRECTORY_ROLE_LABELS,
	MEASURE_LABELS,
	REACHABILITY_LABELS,
} from '#policies/directory/index.ts';
import type { Language } from '#policies/roster/types.ts';
import { formattingLocale } from '../i18n/format.ts';
import type { Reachability } from './core.ts';

export const measureLabel = (code: string, locale: Language): string => labelOf(MEASURE_LABELS, code, locale);
export const roleLabel = (code: string, locale: Language): string => labelOf(DIRECTORY_ROLE_LABELS, code, locale);
export const authorityKindLabel = (code: string, locale: Language): string => labelOf(AUTHORITY_KIND_LABELS, code, locale);
export const channelLabel = (code: string, locale: Language): string => labelOf(CHANNEL_KIND_LABELS, code, locale);
export const reachabilityLabel = (code: Reachability, locale: Language): string => labelOf(REACHABILITY_LABELS, code, locale);

/** A BCP 47 tag named in the reader's language ("es-GT" → "Spanish (Guatemala)"); the tag itself when Intl cannot. */
export function languageName(tag: string, locale: Language): string {
	try {
		return new Intl.DisplayNames([formattingLocale(locale)], { type: 'language' }).of(tag) ?? tag;
	} catch {
		return tag;
	}
}

/** The day an entry was last updated, e.g. "3 Dec 2026" (its stamp is an ISO instant). */
export function updatedDay(at: string, locale: Language): string {
	const ms = Date.parse(at);
	return Number.isNaN(ms) ? at : new Intl.DateTimeFormat(formattingLocale(locale), { dateStyle: 'medium' }).format(ms);
}
