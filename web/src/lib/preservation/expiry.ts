// An expiry instant as people must read it: in the legal zone, named, and in
// the viewer's own zone, named too — "6 April 2026, 23:59 (America/New_York)
// — 6 April 2026, 21:59 your time (America/Guatemala)". Also the ISO forms
// (with each zone's offset) for <time datetime>, and the time left in words.
import { formatInZone } from '#policies/preservation/index.ts';

export interface ExpiryText {
	/** The legal zone's reading, e.g. "6 April 2026, 23:59". */
	readonly legal: string;
	readonly legalZone: string;
	readonly legalIso: string;
	/** The viewer's reading. */
	readonly local: string;
	readonly localZone: string;
	readonly localIso: string;
}

/** The viewer's IANA zone, from the browser. */
export const viewerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function readingIn(instant: number, zone: string, locale: string): string {
	const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: zone }).format(instant);
	const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(instant);
	return `${date}, ${time}`;
}

export function expiryText(expiresAt: number, legalZone: string, localZone: string, locale: string): ExpiryText {
	return {
		legal: readingIn(expiresAt, legalZone, locale),
		legalZone,
		legalIso: formatInZone(expiresAt, legalZone),
		local: readingIn(expiresAt, localZone, locale),
		localZone,
		localIso: formatInZone(expiresAt, localZone),
	};
}

export type TimeLeft = { readonly unit: 'days'; readonly amount: number } | { readonly unit: 'hours'; readonly amount: number };

/** Whole days left, or whole hours under two days; negative amounts once past. */
export function timeLeft(expiresAt: number, now: number): TimeLeft {
	const ms = expiresAt - now;
	const hours = Math.trunc(ms / 3_600_000);
	return Math.abs(ms) < 48 * 3_600_000 ? { unit: 'hours', amount: hours } : { unit: 'days', amount: Math.trunc(ms / 86_400_000) };
}
