import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../roster/types.ts';
import { RULE_WORDS, ruleLaw, ruleName, ruleNameById } from './names.ts';
import { BUILT_IN_RULES } from './rules.ts';
import type { PreservationRule, RuleId } from './types.ts';

describe('the built-in rules in words', () => {
	it.each(BUILT_IN_RULES.map((r) => r.id))('names %s and its law in every language, never by its id', (id) => {
		const words = RULE_WORDS[id];
		expect(words).toBeDefined();
		for (const lang of LANGUAGES) {
			expect(words?.name[lang].trim()).not.toBe('');
			expect(words?.law[lang].trim()).not.toBe('');
			expect(words?.name[lang]).not.toContain(id);
		}
	});

	it.each(LANGUAGES.filter((l) => l !== 'en'))('says nothing of the English table in %s', (lang) => {
		for (const rule of BUILT_IN_RULES) {
			expect(ruleName(rule, lang)).not.toContain(rule.instrument);
			expect(ruleLaw(rule, lang)).not.toBe(rule.zone.law);
			expect(ruleName(rule, lang)).not.toBe(ruleName(rule, 'en'));
		}
	});

	it('shows a national rule as its authors wrote it', () => {
		const national = {
			...BUILT_IN_RULES[0],
			id: 'kz-ccp-1' as RuleId,
			instrument: 'УПК РК',
			citation: 'ст. 1',
			zone: { law: 'Казахстан', default: null },
		} as PreservationRule;
		expect(ruleName(national, 'es')).toBe('УПК РК, ст. 1');
		expect(ruleLaw(national, 'es')).toBe('Казахстан');
		expect(ruleNameById('kz-ccp-1', 'ст. 1', 'fr')).toBe('kz-ccp-1 — ст. 1');
		expect(ruleNameById('budapest-29', 'Budapest Convention art. 29(7)', 'ru')).toBe(RULE_WORDS['budapest-29']?.name.ru);
	});
});
