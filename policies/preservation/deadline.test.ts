// Acceptance 1 of issue 5: table-driven deadlines, each row citing its article,
// covering every built-in rule, with DST and offset changes in the zones of the
// three demo authorities (America/Guatemala, Africa/Lagos, Asia/Almaty), of the
// United States (America/New_York) and of the EU (Europe/Brussels), and zones
// whose clocks change at midnight (Atlantic/Azores, America/Santiago).
import { describe, expect, it } from 'vitest';
import { GUATEMALA, KAZAKHSTAN, NIGERIA } from '../roster/testing/demo.ts';
import { computeDeadline, type DeadlineErrorCode } from './deadline.ts';
import { parseRuleTable } from './parse.ts';
import { BUILT_IN_RULES } from './rules.ts';
import { findRule } from './table.ts';
import type { PreservationRule } from './types.ts';

interface Row {
	readonly name: string;
	readonly rule: string;
	readonly start: string;
	readonly extensions?: number;
	readonly zone?: string;
	/** Expected expiry in the legal zone's offset, and the same instant in UTC. */
	readonly expires: string;
	readonly utc: string;
}

const GT = 'America/Guatemala';
const NG = 'Africa/Lagos';
const KZ = 'Asia/Almaty';

const ROWS: readonly Row[] = [
	// Budapest Convention art. 29(7): not less than 60 days, in the requested Party's zone.
	{
		name: 'Budapest art. 29(7): 60 days from 2026-03-01T10:00-06:00 in America/Guatemala (no DST) end with 30 April',
		rule: 'budapest-29',
		start: '2026-03-01T10:00-06:00',
		zone: GT,
		expires: '2026-04-30T23:59:59.999-06:00',
		utc: '2026-05-01T05:59:59.999Z',
	},
	{
		name: 'Budapest art. 29(7): the first day is the requested Party’s — 2026-03-02T03:00+01:00 is still 1 March in Guatemala',
		rule: 'budapest-29',
		start: '2026-03-02T03:00+01:00',
		zone: GT,
		expires: '2026-04-30T23:59:59.999-06:00',
		utc: '2026-05-01T05:59:59.999Z',
	},
	{
		name: 'Budapest art. 29(7): 60 days across 29 February 2028 in America/Guatemala',
		rule: 'budapest-29',
		start: '2028-01-01T00:00-06:00',
		zone: GT,
		expires: '2028-03-01T23:59:59.999-06:00',
		utc: '2028-03-02T05:59:59.999Z',
	},
	{
		name: 'Budapest art. 29(7): 60 days from 2026-06-10 in Africa/Lagos (no DST)',
		rule: 'budapest-29',
		start: '2026-06-10T15:00+01:00',
		zone: NG,
		expires: '2026-08-09T23:59:59.999+01:00',
		utc: '2026-08-09T22:59:59.999Z',
	},
	{
		name: 'Budapest art. 29(7): 60 days across Kazakhstan’s move from UTC+6 to UTC+5 on 2024-03-01 (Asia/Almaty)',
		rule: 'budapest-29',
		start: '2024-02-01T12:00+06:00',
		zone: KZ,
		expires: '2024-04-01T23:59:59.999+05:00',
		utc: '2024-04-01T18:59:59.999Z',
	},
	{
		name: 'Budapest art. 29(7): 60 days across the EU March change in Europe/Brussels',
		rule: 'budapest-29',
		start: '2026-02-01T10:00+01:00',
		zone: 'Europe/Brussels',
		expires: '2026-04-02T23:59:59.999+02:00',
		utc: '2026-04-02T21:59:59.999Z',
	},
	{
		name: 'Budapest art. 29(7): last day 28 March in Atlantic/Azores, where 29 March begins at 01:00 (clocks skip midnight)',
		rule: 'budapest-29',
		start: '2026-01-27T12:00-01:00',
		zone: 'Atlantic/Azores',
		expires: '2026-03-28T23:59:59.999-01:00',
		utc: '2026-03-29T00:59:59.999Z',
	},
	{
		name: 'Budapest art. 29(7): last day 24 October in Atlantic/Azores, before the midnight hour repeats',
		rule: 'budapest-29',
		start: '2026-08-25T12:00+00:00',
		zone: 'Atlantic/Azores',
		expires: '2026-10-24T23:59:59.999+00:00',
		utc: '2026-10-24T23:59:59.999Z',
	},
	{
		name: 'Budapest art. 29(7): last day 5 September in America/Santiago, where 6 September begins at 01:00',
		rule: 'budapest-29',
		start: '2026-07-07T12:00-04:00',
		zone: 'America/Santiago',
		expires: '2026-09-05T23:59:59.999-04:00',
		utc: '2026-09-06T03:59:59.999Z',
	},
	{
		name: 'Budapest art. 29(7): last day 4 April in America/Santiago, which ends twice (clocks fall back at midnight): the later end',
		rule: 'budapest-29',
		start: '2026-02-03T12:00-03:00',
		zone: 'America/Santiago',
		expires: '2026-04-04T23:59:59.999-04:00',
		utc: '2026-04-05T03:59:59.999Z',
	},

	// UN Convention against Cybercrime art. 42: mirrors Budapest art. 29 (unverified, see rules.ts).
	{
		name: 'UN Convention against Cybercrime art. 42: 60 days from 2026-05-05 in Asia/Almaty (no DST)',
		rule: 'un-cybercrime-2024',
		start: '2026-05-05T09:00+05:00',
		zone: KZ,
		expires: '2026-07-04T23:59:59.999+05:00',
		utc: '2026-07-04T18:59:59.999Z',
	},
	{
		name: 'UN Convention against Cybercrime art. 42: 60 days across the new year in Africa/Lagos',
		rule: 'un-cybercrime-2024',
		start: '2026-12-15T08:00+01:00',
		zone: NG,
		expires: '2027-02-13T23:59:59.999+01:00',
		utc: '2027-02-13T22:59:59.999Z',
	},

	// 18 U.S.C. § 2703(f)(2): 90 days, plus one 90-day period on a renewed request.
	{
		name: '18 U.S.C. § 2703(f)(2): 90 days from 2026-01-15 across the March change in America/New_York',
		rule: 'us-2703f',
		start: '2026-01-15T09:00-05:00',
		expires: '2026-04-15T23:59:59.999-04:00',
		utc: '2026-04-16T03:59:59.999Z',
	},
	{
		name: '18 U.S.C. § 2703(f)(2): renewed request adds 90 days to the end of the first period',
		rule: 'us-2703f',
		start: '2026-01-15T09:00-05:00',
		extensions: 1,
		expires: '2026-07-14T23:59:59.999-04:00',
		utc: '2026-07-15T03:59:59.999Z',
	},
	{
		name: '18 U.S.C. § 2703(f)(2): 90 days from 2026-09-01 across the November change in America/New_York',
		rule: 'us-2703f',
		start: '2026-09-01T12:00-04:00',
		expires: '2026-11-30T23:59:59.999-05:00',
		utc: '2026-12-01T04:59:59.999Z',
	},
	{
		name: '18 U.S.C. § 2703(f)(2): 90 + 90 days from 2026-06-01, the extension crossing the November change',
		rule: 'us-2703f',
		start: '2026-06-01T12:00-04:00',
		extensions: 1,
		expires: '2026-11-28T23:59:59.999-05:00',
		utc: '2026-11-29T04:59:59.999Z',
	},
	{
		name: '18 U.S.C. § 2703(f)(2): started at 01:30 on the night of the March change (2026-03-08)',
		rule: 'us-2703f',
		start: '2026-03-08T01:30-05:00',
		expires: '2026-06-06T23:59:59.999-04:00',
		utc: '2026-06-07T03:59:59.999Z',
	},
	{
		name: '18 U.S.C. § 2703(f)(2): a start written in Paris time (2026-01-16T03:00+01:00) is 15 January in New York',
		rule: 'us-2703f',
		start: '2026-01-16T03:00+01:00',
		expires: '2026-04-15T23:59:59.999-04:00',
		utc: '2026-04-16T03:59:59.999Z',
	},
	{
		name: '18 U.S.C. § 2703(f)(2): the provider’s zone named per case (America/Los_Angeles)',
		rule: 'us-2703f',
		start: '2026-01-15T09:00-05:00',
		zone: 'America/Los_Angeles',
		expires: '2026-04-15T23:59:59.999-07:00',
		utc: '2026-04-16T06:59:59.999Z',
	},

	// Regulation (EU) 2023/1543 art. 11(1): 60 days, one extension of 30 days.
	{
		name: 'Regulation (EU) 2023/1543 art. 11(1): 60 days from 2026-03-01 across the March change in Europe/Brussels',
		rule: 'eu-2023-1543-epoc-pr',
		start: '2026-03-01T10:00+01:00',
		expires: '2026-04-30T23:59:59.999+02:00',
		utc: '2026-04-30T21:59:59.999Z',
	},
	{
		name: 'Regulation (EU) 2023/1543 art. 11(1): extended by an additional 30 days',
		rule: 'eu-2023-1543-epoc-pr',
		start: '2026-03-01T10:00+01:00',
		extensions: 1,
		expires: '2026-05-30T23:59:59.999+02:00',
		utc: '2026-05-30T21:59:59.999Z',
	},
	{
		name: 'Regulation (EU) 2023/1543 art. 11(1): 60 days from 2026-09-15 across the October change in Europe/Brussels',
		rule: 'eu-2023-1543-epoc-pr',
		start: '2026-09-15T09:00+02:00',
		expires: '2026-11-14T23:59:59.999+01:00',
		utc: '2026-11-14T22:59:59.999Z',
	},
	{
		name: 'Regulation (EU) 2023/1543 art. 11(1): 60 + 30 days from 2026-08-20, the extension crossing the October change',
		rule: 'eu-2023-1543-epoc-pr',
		start: '2026-08-20T10:00+02:00',
		extensions: 1,
		expires: '2026-11-18T23:59:59.999+01:00',
		utc: '2026-11-18T22:59:59.999Z',
	},
	{
		name: 'Regulation (EU) 2023/1543 art. 11(1): the addressee’s Member State named per case (Europe/Dublin)',
		rule: 'eu-2023-1543-epoc-pr',
		start: '2026-03-01T10:00+00:00',
		zone: 'Europe/Dublin',
		expires: '2026-04-30T23:59:59.999+01:00',
		utc: '2026-04-30T22:59:59.999Z',
	},

	// Malabo Convention art. 31(3)(d): at most two years (unverified, see rules.ts).
	{
		name: 'Malabo Convention art. 31(3)(d): two years from 29 February 2028 end on 28 February 2030 in Africa/Lagos',
		rule: 'malabo',
		start: '2028-02-29T10:00+01:00',
		zone: NG,
		expires: '2030-02-28T23:59:59.999+01:00',
		utc: '2030-02-28T22:59:59.999Z',
	},
	{
		name: 'Malabo Convention art. 31(3)(d): two years from 2026-06-10 in Africa/Lagos',
		rule: 'malabo',
		start: '2026-06-10T15:00+01:00',
		zone: NG,
		expires: '2028-06-10T23:59:59.999+01:00',
		utc: '2028-06-10T22:59:59.999Z',
	},

	// European Convention on Extradition art. 16(4): 18 days, in no event more than 40.
	{
		name: 'European Convention on Extradition art. 16(4): 18 days from an arrest on 2026-10-20 across the October change in Europe/Paris',
		rule: 'extradition-provisional-arrest-18-40',
		start: '2026-10-20T08:00+02:00',
		zone: 'Europe/Paris',
		expires: '2026-11-07T23:59:59.999+01:00',
		utc: '2026-11-07T22:59:59.999Z',
	},
	{
		name: 'European Convention on Extradition art. 16(4): in no event more than 40 days from the arrest',
		rule: 'extradition-provisional-arrest-18-40',
		start: '2026-10-20T08:00+02:00',
		extensions: 1,
		zone: 'Europe/Paris',
		expires: '2026-11-29T23:59:59.999+01:00',
		utc: '2026-11-29T22:59:59.999Z',
	},
	{
		name: 'European Convention on Extradition art. 16(4): 18 days from an arrest on 2026-02-20 in Asia/Almaty',
		rule: 'extradition-provisional-arrest-18-40',
		start: '2026-02-20T10:00+05:00',
		zone: KZ,
		expires: '2026-03-10T23:59:59.999+05:00',
		utc: '2026-03-10T18:59:59.999Z',
	},

	// Directive 2014/41/EU (EIO): acknowledge within a week; decide within 30 days (+30); execute within 90 days.
	{
		name: 'Directive 2014/41/EU art. 16(1): a week from 2026-03-25 across the March change in Europe/Brussels',
		rule: 'eu-eio-2014-41-acknowledge',
		start: '2026-03-25T16:00+01:00',
		expires: '2026-04-01T23:59:59.999+02:00',
		utc: '2026-04-01T21:59:59.999Z',
	},
	{
		name: 'Directive 2014/41/EU art. 16(1): a week from 2026-10-21 across the October change in Europe/Brussels',
		rule: 'eu-eio-2014-41-acknowledge',
		start: '2026-10-21T09:00+02:00',
		expires: '2026-10-28T23:59:59.999+01:00',
		utc: '2026-10-28T22:59:59.999Z',
	},
	{
		name: 'Directive 2014/41/EU art. 12(3): 30 days from 2026-03-10 across the March change',
		rule: 'eu-eio-2014-41-recognition',
		start: '2026-03-10T12:00+01:00',
		expires: '2026-04-09T23:59:59.999+02:00',
		utc: '2026-04-09T21:59:59.999Z',
	},
	{
		name: 'Directive 2014/41/EU art. 12(5): extended by a maximum of 30 days',
		rule: 'eu-eio-2014-41-recognition',
		start: '2026-03-10T12:00+01:00',
		extensions: 1,
		expires: '2026-05-09T23:59:59.999+02:00',
		utc: '2026-05-09T21:59:59.999Z',
	},
	{
		name: 'Directive 2014/41/EU art. 12(3): 30 days from 2026-10-01 across the October change',
		rule: 'eu-eio-2014-41-recognition',
		start: '2026-10-01T12:00+02:00',
		expires: '2026-10-31T23:59:59.999+01:00',
		utc: '2026-10-31T22:59:59.999Z',
	},
	{
		name: 'Directive 2014/41/EU art. 12(4): 90 days from the decision on 2026-08-01 across the October change',
		rule: 'eu-eio-2014-41-execution',
		start: '2026-08-01T12:00+02:00',
		expires: '2026-10-30T23:59:59.999+01:00',
		utc: '2026-10-30T22:59:59.999Z',
	},
	{
		name: 'Directive 2014/41/EU art. 12(4): 90 days from the decision on 2026-01-05 across the March change',
		rule: 'eu-eio-2014-41-execution',
		start: '2026-01-05T12:00+01:00',
		expires: '2026-04-05T23:59:59.999+02:00',
		utc: '2026-04-05T21:59:59.999Z',
	},
];

function rule(id: string, rules: readonly PreservationRule[] = BUILT_IN_RULES): PreservationRule {
	const found = findRule(rules, id);
	if (!found.ok) throw new Error(found.error);
	return found.value;
}

describe('preservation deadlines, by article', () => {
	it.each(ROWS)('$name', (row) => {
		const result = computeDeadline({ rule: rule(row.rule), start: row.start, extensions: row.extensions ?? 0, zone: row.zone ?? null });
		expect(result.ok, JSON.stringify(result)).toBe(true);
		if (!result.ok) return;
		expect(result.value.expires).toBe(row.expires);
		expect(new Date(result.value.expiresAt).toISOString()).toBe(row.utc);
		expect(result.value.citation).toBe(rule(row.rule).citation);
	});

	it('covers every built-in rule, and the demo authorities’ zones', () => {
		expect(new Set(ROWS.map((r) => r.rule))).toEqual(new Set(BUILT_IN_RULES.map((r) => r.id)));
		const zones = new Set(ROWS.map((r) => r.zone ?? rule(r.rule).zone.default));
		for (const zone of [GUATEMALA.timeZone, NIGERIA.timeZone, KAZAKHSTAN.timeZone, 'America/New_York', 'Europe/Brussels'])
			expect(zones).toContain(zone);
	});
});

// A national rule in months, supplied as data (never a real instrument): month ends and leap years.
const MONTHLY = (() => {
	const parsed = parseRuleTable([
		{
			id: 'xx-monthly-order',
			instrument: 'A test national rule',
			citation: 'Test Code art. 1(1)',
			runsFrom: 'order-issued',
			period: { amount: 1, unit: 'months' },
			bound: 'exactly',
			extension: { max: null, period: { amount: 1, unit: 'months' }, on: 'renewal' },
			zone: { law: 'Guatemala', default: GT },
		},
	]);
	if (!parsed.ok) throw new Error(parsed.error.join('; '));
	return parsed.value;
})();

describe('month periods (Regulation 1182/71 art. 3(2)(c): a missing day ends the period on the month’s last day)', () => {
	const monthly = (start: string, extensions = 0) =>
		computeDeadline({ rule: rule('xx-monthly-order', MONTHLY), start, extensions, zone: null });

	it.each([
		['one month from 31 January 2026 ends with 28 February', '2026-01-31T10:00-06:00', 0, '2026-02-28T23:59:59.999-06:00'],
		['one month from 31 January 2028 (leap year) ends with 29 February', '2028-01-31T10:00-06:00', 0, '2028-02-29T23:59:59.999-06:00'],
		['one month from 15 January ends with 15 February', '2026-01-15T10:00-06:00', 0, '2026-02-15T23:59:59.999-06:00'],
		[
			'an extension runs from the end of the first period: 31 January → 28 February → 28 March',
			'2026-01-31T10:00-06:00',
			1,
			'2026-03-28T23:59:59.999-06:00',
		],
		['one month from 31 December 2026 ends with 31 January 2027', '2026-12-31T10:00-06:00', 0, '2027-01-31T23:59:59.999-06:00'],
	] as const)('%s', (_name, start, extensions, expires) => {
		const result = monthly(start, extensions);
		expect(result.ok && result.value.expires).toBe(expires);
	});

	it('a rule without a limit on extensions has none left to count', () => {
		const result = monthly('2026-01-31T10:00-06:00', 12);
		expect(result.ok && result.value.extensionsLeft).toBeNull();
	});
});

describe('deadline refusals (expected failures are values)', () => {
	const refuse = (code: DeadlineErrorCode, id: string, start: string, extensions: number, zone: string | null, reason: RegExp) => {
		const result = computeDeadline({ rule: rule(id), start, extensions, zone });
		expect(result).toEqual({ ok: false, error: { code, reason: expect.stringMatching(reason) as unknown } });
	};

	it.each([
		['2026-02-30T10:00-06:00', /2026-02 has no day 30/],
		['2025-02-29T10:00Z', /2025-02 has no day 29/],
		['2026-03-01T10:00', /no UTC offset/],
		['2026-03-01', /no UTC offset/],
		['2026-03-01T24:00Z', /no hour 24/],
		['2026-13-01T10:00Z', /no month 13/],
		['2026-03-01T10:00-00:00', /unknown offset/],
		['2026-03-01T10:00+25:00', /no offset \+25:00/],
		['2026-03-01 10:00Z', /not ISO 8601/],
		['yesterday', /not ISO 8601/],
		['', /not ISO 8601/],
	])('refuses the start %j', (start, reason) => refuse('malformed-start', 'budapest-29', start, 0, GT, reason));

	it('refuses an unknown zone and a bare offset in place of a zone', () => {
		refuse('unknown-zone', 'budapest-29', '2026-03-01T10:00Z', 0, 'Mars/Olympus_Mons', /not an IANA time zone/);
		refuse('unknown-zone', 'budapest-29', '2026-03-01T10:00Z', 0, '+05:00', /not an IANA time zone/);
	});

	it('needs a zone when the rule’s zone is the requested Party’s', () => {
		refuse('zone-required', 'budapest-29', '2026-03-01T10:00Z', 0, null, /requested Party.*--zone/);
	});

	it.each(BUILT_IN_RULES.map((r) => [r.citation, r] as const))('%s: refuses one extension more than the rule allows', (_citation, r) => {
		const max = r.extension === null ? 0 : (r.extension.max ?? 0);
		refuse(
			'extension-not-allowed',
			r.id,
			'2026-03-01T10:00Z',
			max + 1,
			r.zone.default ?? GT,
			/allows (no extension|one extension|\d+ extensions), not \d+/,
		);
		const last = computeDeadline({ rule: r, start: '2026-03-01T10:00Z', extensions: max, zone: r.zone.default ?? GT });
		expect(last.ok && last.value.extensionsLeft).toBe(0);
	});

	it('refuses a negative or fractional number of extensions', () => {
		refuse('extension-not-allowed', 'us-2703f', '2026-03-01T10:00Z', -1, null, /whole number/);
		refuse('extension-not-allowed', 'us-2703f', '2026-03-01T10:00Z', 0.5, null, /whole number/);
	});

	it('refuses a period that would end after the year 9999', () => {
		refuse('out-of-range', 'malabo', '9998-06-01T10:00Z', 0, NG, /after the year 9999/);
	});
});
