// National rules as data: the validator names the broken key, refuses unknown
// keys, and a merge never lets a national rule take a built-in rule's id.
import { describe, expect, it } from 'vitest';
import { parseRuleTable } from './parse.ts';
import { BUILT_IN_RULES } from './rules.ts';
import { findRule, mergeRules } from './table.ts';

const NATIONAL = {
	id: 'gt-preservation-order',
	instrument: 'A national code (test data)',
	citation: 'Test Code art. 7(2)',
	runsFrom: 'order-issued',
	period: { amount: 90, unit: 'days' },
	bound: 'exactly',
	extension: { max: 2, period: { amount: 30, unit: 'days' }, on: 'judicial-renewal', note: 'renewable twice' },
	events: [{ on: 'mla-request-received', effect: 'holds', until: 'decision-on-request' }],
	zone: { law: 'Guatemala', default: 'America/Guatemala' },
};

describe('the built-in rule table', () => {
	it('passes its own validator after a round trip through JSON (what `rogatory rules` prints can be read back)', () => {
		const parsed = parseRuleTable(JSON.parse(JSON.stringify(BUILT_IN_RULES)));
		expect(parsed).toEqual({ ok: true, value: BUILT_IN_RULES });
	});

	it('cites an article in every row, and says how each was or was not verified', () => {
		for (const rule of BUILT_IN_RULES) {
			expect(rule.citation, rule.id).toMatch(/(art\. \d+|§ \d+)/);
			expect(rule.verification.note.length, rule.id).toBeGreaterThan(20);
		}
		expect(BUILT_IN_RULES.filter((r) => r.verification.status === 'unverified').map((r) => r.id)).toEqual(['un-cybercrime-2024', 'malabo']);
	});
});

describe('parseRuleTable', () => {
	it('reads a national rule, filling the optional keys', () => {
		const parsed = parseRuleTable([NATIONAL]);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.value[0]).toMatchObject({
			id: 'gt-preservation-order',
			appliesFrom: null,
			verification: { status: 'unverified' },
			events: [{ on: 'mla-request-received', effect: 'holds', until: 'decision-on-request', note: '' }],
		});
	});

	it.each([
		['not a list', { rules: [] }, ['rules: must be a list of rules (a JSON array)']],
		['a missing key', [{ ...NATIONAL, citation: undefined }], ['rules[0].citation: is missing']],
		['a misspelt key', [{ ...NATIONAL, extention: null }], ['rules[0].extention: is not a rule key (a typo?)']],
		['a bad unit', [{ ...NATIONAL, period: { amount: 2, unit: 'weeks' } }], ['rules[0].period.unit: must be one of days, months, years']],
		[
			'a zero period',
			[{ ...NATIONAL, period: { amount: 0, unit: 'days' } }],
			['rules[0].period.amount: must be a whole number from 1 to 1000'],
		],
		[
			'an unknown zone',
			[{ ...NATIONAL, zone: { law: 'x', default: 'Guatemala/City' } }],
			[expect.stringMatching(/^rules\[0\]\.zone\.default: must be an IANA time zone/)],
		],
		[
			'a bad extension count',
			[{ ...NATIONAL, extension: { ...NATIONAL.extension, max: 0 } }],
			[expect.stringMatching(/^rules\[0\]\.extension\.max: /)],
		],
		[
			'a holding event without its end',
			[{ ...NATIONAL, events: [{ on: 'x', effect: 'holds' }] }],
			['rules[0].events[0].until: a clock that holds must say until what event'],
		],
		[
			'an impossible date',
			[{ ...NATIONAL, appliesFrom: '2026-02-30' }],
			['rules[0].appliesFrom: must be a date such as 2026-08-18, or null'],
		],
		['an id used twice', [NATIONAL, NATIONAL], ['rules[1].id: "gt-preservation-order" is used twice']],
		['a bad id', [{ ...NATIONAL, id: 'GT Order' }], [expect.stringMatching(/^rules\[0\]\.id: /)]],
	])('names the broken key: %s', (_name, input, problems) => {
		const cleaned: unknown = JSON.parse(JSON.stringify(input));
		expect(parseRuleTable(cleaned)).toEqual({ ok: false, error: problems });
	});

	it('reports every problem at once', () => {
		const parsed = parseRuleTable([{ ...NATIONAL, bound: 'maybe', runsFrom: 'Order Issued' }, 42]);
		expect(parsed.ok || parsed.error).toEqual([
			'rules[0].bound: must be one of at-least, exactly, at-most',
			'rules[0].runsFrom: must be a code in lower-case words joined by dashes, such as "mla-request-received"',
			'rules[1]: must be an object (a rule)',
		]);
	});
});

describe('mergeRules and findRule', () => {
	it('adds national rules after the built-in ones', () => {
		const national = parseRuleTable([NATIONAL]);
		if (!national.ok) throw new Error(national.error.join('; '));
		const merged = mergeRules(BUILT_IN_RULES, national.value);
		expect(merged.ok && merged.value.map((r) => r.id).slice(-2)).toEqual(['eu-eio-2014-41-execution', 'gt-preservation-order']);
	});

	it('refuses a national rule that takes a built-in id', () => {
		const clash = parseRuleTable([{ ...NATIONAL, id: 'budapest-29' }]);
		if (!clash.ok) throw new Error(clash.error.join('; '));
		expect(mergeRules(BUILT_IN_RULES, clash.value)).toEqual({
			ok: false,
			error: ['rules[0].id: "budapest-29" is already a rule; choose another id'],
		});
	});

	it('names the known rules when one is unknown', () => {
		const found = findRule(BUILT_IN_RULES, 'budapest-99');
		expect(found.ok || found.error).toMatch(/^unknown rule "budapest-99"; the rules are: budapest-29, /);
	});
});
