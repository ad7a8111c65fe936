import { describe, expect, it } from 'vitest';
import { REJECTION_CODES } from '#policies/cases/index.ts';
import { PRESERVATION_REJECTIONS } from '#policies/preservation/record/index.ts';
import * as m from '../paraglide/messages.js';
import { locales } from '../paraglide/runtime.js';
import { LOCAL_REFUSALS, type RefusalCode } from './refusal.ts';
import { refusalText } from './refusal-text.ts';

const CODES: readonly RefusalCode[] = [...REJECTION_CODES, ...PRESERVATION_REJECTIONS, ...LOCAL_REFUSALS];
const OTHERS = locales.filter((locale) => locale !== 'en');

describe('refusals in the reader’s language', () => {
	it('word every code in every language, never as the code itself (a hyphenated code is no word)', () => {
		for (const code of CODES)
			for (const locale of locales) {
				const text = refusalText(code, locale);
				expect(text.trim(), `${code} in ${locale}`).not.toBe('');
				if (code.includes('-')) expect(text).not.toContain(code);
			}
	});

	it('are translated: no other language shows the English sentence', () => {
		for (const code of CODES)
			for (const locale of OTHERS) expect(refusalText(code, locale), `${code} in ${locale}`).not.toBe(refusalText(code, 'en'));
	});

	it('fill the pages’ “not sent” sentences with no English left in them', () => {
		const english = refusalText('status-change-pending', 'en');
		for (const locale of OTHERS) {
			const why = refusalText('status-change-pending', locale);
			for (const shown of [
				m.case_error_refused({ why }, { locale }),
				m.newcase_error_refused({ why }, { locale }),
				m.pres_error_refused({ why }, { locale }),
			]) {
				expect(shown).toContain(why);
				expect(shown).not.toContain(english);
				expect(shown).not.toContain('{');
			}
		}
	});
});
