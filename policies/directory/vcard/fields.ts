// The values Rogatory reads from a card beyond plain text, each checked with a
// reason a person can act on: language tags (LANG), working hours
// (X-ROGATORY-HOURS: `1,2,3,4,5;08:00;17:00`, ISO weekdays 1 = Monday) and
// on-call periods (X-ROGATORY-ROTA: `<from>/<to>`, ISO 8601 instants with
// offset). Hours and rota carry no text of their own, so a value some address
// book wrote back escaped (`1\,2\,3`) reads the same.
import { parseInstant } from '../../preservation/index.ts';
import { err, ok, type Result } from '../../result.ts';
import type { OnCallPeriod, WorkingHours } from '../types.ts';
import type { HoursProblem, RotaProblem, VcardReason } from './reasons.ts';

/** The tag in canonical form (en-US, not EN-us); the primary language must be an ISO 639 code (2 or 3 letters). */
export function languageTag(value: string): Result<string, VcardReason> {
	const bad = err({ kind: 'language', value } as const);
	if (!/^[A-Za-z]{2,3}(-|$)/.test(value)) return bad;
	try {
		const [canonical] = Intl.getCanonicalLocales(value);
		return canonical === undefined ? bad : ok(canonical);
	} catch {
		return bad;
	}
}

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

export function workingHours(value: string): Result<Omit<WorkingHours, 'timeZone'>, VcardReason> {
	const bad = (problem: HoursProblem) => err({ kind: 'hours', value, problem } as const);
	const parts = value.split(';');
	if (parts.length !== 3) return bad('parts');
	const [dayList = '', from = '', to = ''] = parts;
	const days = dayList.split(',');
	if (!days.every((d) => /^[1-7]$/.test(d))) return bad('days');
	if (new Set(days).size !== days.length) return bad('day-twice');
	if (!TIME.test(from) || !TIME.test(to)) return bad('times');
	if (to <= from) return bad('order');
	return ok({ days: days.map(Number), from, to });
}

export function onCallPeriod(value: string): Result<OnCallPeriod, VcardReason> {
	const bad = (problem: RotaProblem, detail?: string) =>
		err({ kind: 'rota', value, problem, ...(detail === undefined ? {} : { detail }) } as const);
	const parts = value.split('/');
	if (parts.length !== 2) return bad('parts');
	const [from = '', to = ''] = parts;
	const start = parseInstant(from);
	if (!start.ok) return bad('instant', start.error);
	const end = parseInstant(to);
	if (!end.ok) return bad('instant', end.error);
	if (end.value <= start.value) return bad('order');
	return ok({ from, to });
}
