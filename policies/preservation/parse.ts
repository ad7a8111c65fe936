// Reads a table of national preservation rules that a network or authority
// supplies as data (JSON), reporting every problem at once with the path of the
// broken key (`rules[2].period.unit: …`, STYLE.md 8). Unknown keys are refused
// too: a misspelt "extention" must not silently drop an extension from the law.
import { err, ok, type Result } from '../result.ts';
import { daysInMonth } from './calendar.ts';
import {
	BOUNDS,
	PERIOD_UNITS,
	type ClockEvent,
	type Extension,
	type Period,
	type PreservationRule,
	type RuleId,
	type Verification,
	type ZoneRule,
} from './types.ts';
import { resolveZone } from './zone.ts';

export const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_AMOUNT = 1000;

type Problems = string[];
type Obj = Record<string, unknown>;

const isObject = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

function keys(value: Obj, at: string, required: readonly string[], optional: readonly string[], problems: Problems): void {
	for (const key of required) if (!(key in value)) problems.push(`${at}.${key}: is missing`);
	for (const key of Object.keys(value))
		if (!required.includes(key) && !optional.includes(key)) problems.push(`${at}.${key}: is not a rule key (a typo?)`);
}

function text(value: unknown, at: string, problems: Problems, max = 500): string {
	if (value === undefined) return ''; // reported as missing by keys()
	if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
		problems.push(`${at}: must be a non-empty text of at most ${max} characters`);
		return '';
	}
	return value;
}

function code(value: unknown, at: string, problems: Problems): string {
	if (value === undefined) return '';
	if (typeof value !== 'string' || !CODE.test(value) || value.length > 64) {
		problems.push(`${at}: must be a code in lower-case words joined by dashes, such as "mla-request-received"`);
		return '';
	}
	return value;
}

function period(value: unknown, at: string, problems: Problems): Period {
	const fallback: Period = { amount: 1, unit: 'days' };
	if (value === undefined) return fallback;
	if (!isObject(value)) return (problems.push(`${at}: must be an object such as {"amount": 60, "unit": "days"}`), fallback);
	const before = problems.length;
	keys(value, at, ['amount', 'unit'], [], problems);
	const { amount, unit } = value;
	if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1 || amount > MAX_AMOUNT)
		problems.push(`${at}.amount: must be a whole number from 1 to ${MAX_AMOUNT}`);
	if (!(PERIOD_UNITS as readonly unknown[]).includes(unit)) problems.push(`${at}.unit: must be one of ${PERIOD_UNITS.join(', ')}`);
	return problems.length === before ? { amount: amount as number, unit: unit as Period['unit'] } : fallback;
}

function extension(value: unknown, at: string, problems: Problems): Extension | null {
	if (value === null || value === undefined) return null;
	if (!isObject(value)) return (problems.push(`${at}: must be null or an object with max, period, on and note`), null);
	keys(value, at, ['max', 'period', 'on'], ['note'], problems);
	const max = value['max'];
	if (max !== null && (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > MAX_AMOUNT))
		problems.push(`${at}.max: must be a whole number from 1 to ${MAX_AMOUNT}, or null when the law sets no limit`);
	return {
		max: max as number | null,
		period: period(value['period'], `${at}.period`, problems),
		on: code(value['on'], `${at}.on`, problems),
		note: value['note'] === undefined ? '' : text(value['note'], `${at}.note`, problems),
	};
}

function events(value: unknown, at: string, problems: Problems): ClockEvent[] {
	if (value === undefined) return [];
	if (!Array.isArray(value)) return (problems.push(`${at}: must be a list`), []);
	return value.map((item: unknown, i): ClockEvent => {
		const here = `${at}[${i}]`;
		if (!isObject(item))
			return (
				problems.push(`${here}: must be an object with on, effect, until and note`),
				{ on: '', effect: 'ends', until: null, note: '' }
			);
		keys(item, here, ['on', 'effect'], ['until', 'note'], problems);
		const effect = item['effect'];
		if (effect !== 'holds' && effect !== 'ends') problems.push(`${here}.effect: must be "holds" or "ends"`);
		const until = item['until'] === undefined || item['until'] === null ? null : code(item['until'], `${here}.until`, problems);
		if (effect === 'holds' && until === null) problems.push(`${here}.until: a clock that holds must say until what event`);
		return {
			on: code(item['on'], `${here}.on`, problems),
			effect: effect === 'holds' ? 'holds' : 'ends',
			until,
			note: item['note'] === undefined ? '' : text(item['note'], `${here}.note`, problems),
		};
	});
}

function zone(value: unknown, at: string, problems: Problems): ZoneRule {
	if (value === undefined) return { law: '', default: null };
	if (!isObject(value))
		return (
			problems.push(`${at}: must be an object such as {"law": "Guatemala", "default": "America/Guatemala"}`),
			{ law: '', default: null }
		);
	keys(value, at, ['law', 'default'], [], problems);
	const fallback = value['default'];
	if (fallback !== null && (typeof fallback !== 'string' || !resolveZone(fallback).ok))
		problems.push(`${at}.default: must be an IANA time zone such as "America/Guatemala", or null when it depends on the case`);
	return { law: text(value['law'], `${at}.law`, problems), default: typeof fallback === 'string' ? fallback : null };
}

function verification(value: unknown, at: string, problems: Problems): Verification {
	if (value === undefined) return { status: 'unverified', note: 'supplied as data by a network or authority' };
	if (!isObject(value)) return (problems.push(`${at}: must be an object with status and note`), { status: 'unverified', note: '' });
	keys(value, at, ['status', 'note'], [], problems);
	if (value['status'] !== 'verified' && value['status'] !== 'unverified') problems.push(`${at}.status: must be "verified" or "unverified"`);
	return { status: value['status'] === 'verified' ? 'verified' : 'unverified', note: text(value['note'], `${at}.note`, problems) };
}

function appliesFrom(value: unknown, at: string, problems: Problems): string | null {
	if (value === undefined || value === null) return null;
	const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
	const [year, month, day] = (match ?? []).slice(1).map(Number);
	if (
		match === null ||
		year === undefined ||
		month === undefined ||
		day === undefined ||
		month < 1 ||
		month > 12 ||
		day < 1 ||
		day > daysInMonth(year, month)
	) {
		problems.push(`${at}: must be a date such as 2026-08-18, or null`);
		return null;
	}
	return value as string;
}

const RULE_KEYS = ['id', 'instrument', 'citation', 'runsFrom', 'period', 'bound', 'zone'] as const;
const OPTIONAL_KEYS = ['extension', 'events', 'appliesFrom', 'verification'] as const;

function rule(value: unknown, at: string, problems: Problems): PreservationRule | undefined {
	if (!isObject(value)) return (problems.push(`${at}: must be an object (a rule)`), undefined);
	keys(value, at, RULE_KEYS, OPTIONAL_KEYS, problems);
	const id = value['id'];
	if (id !== undefined && (typeof id !== 'string' || !RULE_ID.test(id) || id.length > 64))
		problems.push(`${at}.id: must be lower-case words joined by dashes, such as "gt-preservation-order"`);
	const bound = value['bound'];
	if (bound !== undefined && !(BOUNDS as readonly unknown[]).includes(bound))
		problems.push(`${at}.bound: must be one of ${BOUNDS.join(', ')}`);
	return {
		id: id as RuleId,
		instrument: text(value['instrument'], `${at}.instrument`, problems),
		citation: text(value['citation'], `${at}.citation`, problems, 200),
		runsFrom: code(value['runsFrom'], `${at}.runsFrom`, problems),
		period: period(value['period'], `${at}.period`, problems),
		bound: bound as PreservationRule['bound'],
		extension: extension(value['extension'], `${at}.extension`, problems),
		events: events(value['events'], `${at}.events`, problems),
		zone: zone(value['zone'], `${at}.zone`, problems),
		appliesFrom: appliesFrom(value['appliesFrom'], `${at}.appliesFrom`, problems),
		verification: verification(value['verification'], `${at}.verification`, problems),
	};
}

/** A rule table as data: a JSON array of rules (the shape `rogatory rules` prints). */
export function parseRuleTable(value: unknown): Result<PreservationRule[], string[]> {
	if (!Array.isArray(value)) return err(['rules: must be a list of rules (a JSON array)']);
	const problems: Problems = [];
	const rules = value.map((item: unknown, i) => rule(item, `rules[${i}]`, problems));
	const seen = new Set<string>();
	rules.forEach((r, i) => {
		if (r === undefined || typeof r.id !== 'string') return;
		if (seen.has(r.id)) problems.push(`rules[${i}].id: "${r.id}" is used twice`);
		seen.add(r.id);
	});
	return problems.length === 0 ? ok(rules as PreservationRule[]) : err(problems);
}
