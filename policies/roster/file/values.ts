// The forms of the roster files' values: identifiers, countries, languages,
// time zones, dates, server names and URLs. Each is a reader (read.ts) that
// says, when it refuses, what a right value looks like.
import { isIsoDate } from '../../text/iso-date.ts';
import { LANGUAGES, type Language } from '../types.ts';
import { oneOf, record, optional, text, type Reader } from './read.ts';

const AUTHORITY_ID = /^[a-z]{2}-[a-z0-9-]{1,30}$/;
const NETWORK_ID = /^[A-Z][A-Z0-9]{1,15}$/;
const COUNTRY = /^[A-Z]{2}$/;
/** Matrix spec: the historical-safe user ID localparts, lower case. */
const LOCALPART = /^[a-z0-9._=\-/]{1,64}$/;
/** A DNS name or IP literal, optionally with a port (Matrix spec, "Server name"). */
const SERVER_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export const authorityId = text((v) =>
	AUTHORITY_ID.test(v) ? undefined : `"${v}" must look like "gt-mp": the country code in lower case, a dash, a lower-case name.`,
);

export const networkId = text((v) => (NETWORK_ID.test(v) ? undefined : `"${v}" must be an upper-case code such as "REFCO".`));

export const country = text((v) => (COUNTRY.test(v) ? undefined : `"${v}" must be an ISO 3166-1 alpha-2 code in capitals, such as "GT".`));

export const language: Reader<Language> = oneOf(LANGUAGES);

export const localpart = text((v) =>
	LOCALPART.test(v) ? undefined : `"${v}" may use only a-z, 0-9 and . _ = - / (at most 64), as Matrix user IDs do.`,
);

/** One address, local@domain, no display name, no spaces, no brackets: what a relay is handed as the envelope's recipient. */
const EMAIL = /^[^\s@<>()",;:]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

export const email = text((v) =>
	EMAIL.test(v) && v.length <= 254
		? undefined
		: `"${v}" is not one e-mail address such as ana.lopez@mp.gob.gt.example (no name, no brackets).`,
);

export const serverName = text((v) =>
	SERVER_NAME.test(v) ? undefined : `"${v}" is not a Matrix server name (a host name, optionally with a port, e.g. matrix.mp.gt.example).`,
);

/** An http(s) URL without query or fragment; a trailing slash is allowed. */
export const httpUrl = text((v) => {
	let url: URL;
	try {
		url = new URL(v);
	} catch {
		return `"${v}" is not a URL; write it in full, e.g. https://matrix.mp.gt.example.`;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return `"${v}" must be an http or https URL, not ${url.protocol}.`;
	if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '')
		return `"${v}" must be a plain base URL, without query, fragment or credentials.`;
	return undefined;
});

const zones = new Set(Intl.supportedValuesOf('timeZone'));

/** True for the IANA names the runtime knows, aliases included (e.g. "Asia/Calcutta"). */
export function isTimeZone(zone: string): boolean {
	if (zones.has(zone)) return true;
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return zone.includes('/') || zone === 'UTC';
	} catch {
		return false;
	}
}

export const timeZone = text((v) => (isTimeZone(v) ? undefined : `"${v}" is not an IANA time zone such as "America/Guatemala".`));

export const isoDate = text((v) => (isIsoDate(v) ? undefined : `"${v}" must be a real date written YYYY-MM-DD, such as 2011-11-01.`));

/** A name in any of the five languages, each optional (`names:` beside an official `name:`). */
export const translations = record({
	en: optional('en', text()),
	es: optional('es', text()),
	fr: optional('fr', text()),
	pt: optional('pt', text()),
	ru: optional('ru', text()),
});

export { isIsoDate };
