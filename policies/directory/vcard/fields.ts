// The values Rogatory reads from a card beyond plain text, each checked with a
// reason a person can act on: language tags (LANG), working hours
// (X-ROGATORY-HOURS: `1,2,3,4,5;08:00;17:00`, ISO weekdays 1 = Monday) and
// on-call periods (X-ROGATORY-ROTA: `<from>/<to>`, ISO 8601 instants with
// offset). Hours and rota carry no text of their own, so a value some address
// book wrote back escaped (`1\,2\,3`) reads the same.
import { parseInstant } from '../../preservation/index.ts';
import { err, ok, type Result } from '../../result.ts';
import type { OnCallPeriod, WorkingHours } from '../types.ts';

/** The tag in canonical form (en-US, not EN-us); the primary language must be an ISO 639 code (2 or 3 letters). */
export function languageTag(value: string): Result<string, string> {
	const bad = err(`LANG "${value}" is not a BCP 47 language tag such as "es" or "pt-BR"`);
	if (!/^[A-Za-z]{2,3}(-|$)/.test(value)) return bad;
	try {
		const [canonical] = Intl.getCanonicalLocales(value);
		return canonical === undefined ? bad : ok(canonical);
	} catch {
		return bad;
	}
}

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

export function workingHours(value: string): Result<Omit<WorkingHours, 'timeZone'>, string> {
	const bad = (why: string) => err(`X-ROGATORY-HOURS "${value}" ${why} (write days;from;to, e.g. 1,2,3,4,5;08:00;17:00)`);
	const parts = value.split(';');
	if (parts.length !== 3) return bad('does not have three parts');
	const [dayList = '', from = '', to = ''] = parts;
	const days = dayList.split(',');
	if (!days.every((d) => /^[1-7]$/.test(d))) return bad('must list days as numbers 1 (Monday) to 7 (Sunday)');
	if (new Set(days).size !== days.length) return bad('names a day twice');
	if (!TIME.test(from) || !TIME.test(to)) return bad('must give times as HH:MM, 00:00 to 23:59');
	if (to <= from) return bad('must end after it starts (for a night shift use X-ROGATORY-ROTA)');
	return ok({ days: days.map(Number), from, to });
}

export function onCallPeriod(value: string): Result<OnCallPeriod, string> {
	const bad = (why: string) => err(`X-ROGATORY-ROTA "${value}" ${why}`);
	const parts = value.split('/');
	if (parts.length !== 2) return bad('must be two instants <from>/<to>, e.g. 2026-12-01T18:00Z/2026-12-02T08:00Z');
	const [from = '', to = ''] = parts;
	const start = parseInstant(from);
	if (!start.ok) return bad(start.error);
	const end = parseInstant(to);
	if (!end.ok) return bad(end.error);
	if (end.value <= start.value) return bad('must end after it starts');
	return ok({ from, to });
}
