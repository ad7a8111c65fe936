// Case vocabulary in the reader's language: the label tables of
// policies/cases (statuses, kinds, offences…) and dates in the reader's own
// time zone.
import { DEFAULT_BOOK, labelOf } from '#policies/cases/index.ts';
import type { Roster } from '#policies/roster/types.ts';
import { formattingLocale } from '../i18n/format.ts';
import type { Locale } from '../paraglide/runtime.js';

export const statusLabel = (code: string, locale: Locale): string => labelOf(DEFAULT_BOOK.statuses, code, locale);
export const kindLabel = (code: string, locale: Locale): string => labelOf(DEFAULT_BOOK.kinds, code, locale);
export const offenceLabel = (code: string, locale: Locale): string => labelOf(DEFAULT_BOOK.offences, code, locale);
export const urgencyLabel = (code: string, locale: Locale): string => labelOf(DEFAULT_BOOK.urgencies, code, locale);
export const channelLabel = (code: string, locale: Locale): string => labelOf(DEFAULT_BOOK.channels, code, locale);
export const legalBasisLabel = (code: string, locale: Locale): string => labelOf(DEFAULT_BOOK.legalBases, code, locale);
export const fieldLabel = (code: string, locale: Locale): string => labelOf(DEFAULT_BOOK.fields, code, locale);
/** How a link reads from the room that carries it, e.g. "the MLA request that follows this preservation". */
export const linkLabel = (link: { readonly relation: string; readonly end?: string }, locale: Locale): string =>
	labelOf(
		DEFAULT_BOOK.links,
		link.relation === 'related' || link.end === undefined ? link.relation : `${link.relation}.${link.end}`,
		locale,
	);

export function authorityName(roster: Roster, id: string): string {
	return roster.authorities.find((a) => a.id === id)?.name ?? id;
}

/** A date and time in the browser's time zone, e.g. "23 Nov 2026, 14:03". */
export function formatDateTime(epochMs: number, locale: Locale): string {
	return new Intl.DateTimeFormat(formattingLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}

export function formatBytes(bytes: number, locale: Locale): string {
	const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit += 1;
	}
	return new Intl.NumberFormat(formattingLocale(locale), {
		style: 'unit',
		unit: units[unit],
		unitDisplay: 'short',
		maximumFractionDigits: 1,
	}).format(value);
}
