// Readers for the values a directory entry holds that have a grammar of their
// own: language tags, IANA time zones, clock times, instants, e-mail
// addresses, phone numbers, https links. Each returns a Read whose error
// names the key path; none throws.
import { err, ok } from '../../result.ts';
import { text, type Read } from '../../cases/events/read.ts';

const fail = (path: string, message: string): Read<never> => err(`${path}: ${message}`);
const shown = (value: string): string => `"${value.slice(0, 60)}"`;

// Language, optional script, optional region, optional variants (RFC 5646, the common subset).
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?(?:-(?:[A-Za-z0-9]{5,8}|\d[A-Za-z0-9]{3}))*$/;

/** A BCP 47 language tag such as "es" or "es-GT" (also accepted by Intl). */
export function languageTag(value: unknown, path: string): Read<string> {
	if (typeof value !== 'string' || value.length > 35 || !LANGUAGE_TAG.test(value))
		return fail(path, `${typeof value === 'string' ? shown(value) : typeof value} is not a language tag like "es" or "es-GT"`);
	try {
		Intl.getCanonicalLocales(value);
	} catch {
		return fail(path, `${shown(value)} is not a language tag like "es" or "es-GT"`);
	}
	return ok(value);
}

// IANA zone names: "UTC", "America/Guatemala", "America/Argentina/Buenos_Aires", "Etc/GMT+5".
const ZONE_NAME = /^[A-Za-z][A-Za-z_-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/;
const zones = new Map<string, boolean>();

/** Whether the runtime's Intl knows `zone` as an IANA time zone (remembered: a directory names few). */
export function isTimeZone(zone: string): boolean {
	const known = zones.get(zone);
	if (known !== undefined) return known;
	let answer = zone.length <= 64 && ZONE_NAME.test(zone);
	if (answer) {
		try {
			new Intl.DateTimeFormat('en', { timeZone: zone });
		} catch {
			answer = false;
		}
	}
	if (zones.size >= 1024) zones.clear();
	zones.set(zone, answer);
	return answer;
}

export function timeZone(value: unknown, path: string): Read<string> {
	if (typeof value === 'string' && isTimeZone(value)) return ok(value);
	return fail(path, `${typeof value === 'string' ? shown(value) : typeof value} is not an IANA time zone like "America/Guatemala"`);
}

/** Minutes after midnight of an "HH:MM" (24-hour) time; "24:00" is the end of the day. */
export function minutesOf(clock: string): number {
	return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

export function clockTime(value: unknown, path: string): Read<string> {
	if (typeof value === 'string' && (/^(?:[01]\d|2[0-3]):[0-5]\d$/.test(value) || value === '24:00')) return ok(value);
	return fail(path, 'must be a time written HH:MM, 24-hour');
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** An ISO 8601 instant with a date, a time and an offset or Z: "2026-12-03T08:00:00-06:00". */
export function instant(value: unknown, path: string): Read<string> {
	const match = typeof value === 'string' && value.length <= 40 ? INSTANT.exec(value) : null;
	if (match === null || typeof value !== 'string')
		return fail(path, 'must be an instant written like 2026-12-03T08:00:00Z or with an offset');
	const n = (group: number): number => Number(match[group] ?? 0);
	const [y, mo, d] = [n(1), n(2), n(3)];
	const date = new Date(Date.UTC(y, mo - 1, d));
	const real = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
	const inRange = n(4) <= 23 && n(5) <= 59 && n(6) <= 59 && n(7) <= 14 && n(8) <= 59;
	if (!real || !inRange || Number.isNaN(Date.parse(value))) return fail(path, `${shown(value)} is not a real instant`);
	return ok(value);
}

/** Milliseconds since the epoch of an instant the parser accepted. */
export const instantMs = (value: string): number => Date.parse(value);

const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** An e-mail address that could be delivered: local@domain.tld, no spaces, at most 254 characters. */
export function email(value: unknown, path: string): Read<string> {
	const t = text(value, path, 254);
	if (!t.ok) return t;
	const at = t.value.lastIndexOf('@');
	const local = t.value.slice(0, at);
	const labels = t.value.slice(at + 1).split('.');
	const plausible =
		at > 0 &&
		local.length <= 64 &&
		/^[^\s@"(),:;<>[\]\\]+$/.test(local) &&
		labels.length >= 2 &&
		labels.every((label) => DOMAIN_LABEL.test(label)) &&
		/^[A-Za-z]{2,}$/.test(labels[labels.length - 1] ?? '');
	return plausible ? t : fail(path, `${shown(t.value)} is not an e-mail address like name@example.org`);
}

/** A phone number in international form: "+", then 7–15 digits, spaces, dots, dashes or brackets between. */
export function phone(value: unknown, path: string): Read<string> {
	const t = text(value, path, 32);
	if (!t.ok) return t;
	const digits = t.value.replace(/\D/g, '').length;
	const plausible = /^\+[0-9][0-9 ().-]*[0-9]$/.test(t.value) && digits >= 7 && digits <= 15;
	return plausible ? t : fail(path, `${shown(t.value)} is not a phone number in international form like +502 2411 9191`);
}

/** An https link with a host and no credentials. */
export function httpsUrl(value: unknown, path: string): Read<string> {
	const t = text(value, path, 2_000);
	if (!t.ok) return t;
	let url: URL;
	try {
		url = new URL(t.value);
	} catch {
		return fail(path, `${shown(t.value)} is not a link`);
	}
	if (url.protocol !== 'https:') return fail(path, 'must be an https link');
	if (url.username !== '' || url.password !== '' || url.hostname === '')
		return fail(path, 'must be an https link with a host and no password');
	return t;
}
