import { describe, expect, it } from 'vitest';
import { REJECTION_CODES } from '../cases/events/rejection.ts';
import { REJECTION_LABELS } from '../cases/i18n/rejections.ts';
import { LANGUAGES } from '../roster/types.ts';
import { READER_TRUST_LABELS, TRUST_LABELS } from './labels.ts';
import { TRUST_CODES } from './verdict.ts';

describe('refusal labels', () => {
	it('say every trust code and every rejection code in the five languages, each in its own words', () => {
		const tables = [
			[TRUST_CODES, TRUST_LABELS],
			[TRUST_CODES, READER_TRUST_LABELS],
			[REJECTION_CODES, REJECTION_LABELS],
		] as const;
		for (const [codes, labels] of tables)
			for (const code of codes) {
				const entry = (labels as Record<string, Record<string, string>>)[code];
				expect(entry, code).toBeDefined();
				for (const language of LANGUAGES) expect(entry?.[language]?.length, `${code} ${language}`).toBeGreaterThan(5);
				expect(new Set(LANGUAGES.map((language) => entry?.[language])).size, `${code}: translated`).toBe(LANGUAGES.length);
			}
	});

	it('says none of the trust codes as the bridge, for a reader’s own client', () => {
		for (const code of TRUST_CODES)
			for (const language of LANGUAGES)
				expect(READER_TRUST_LABELS[code][language], `${code} ${language}`).not.toMatch(/bridge|puente|passerelle|ponte|мост/i);
		expect(READER_TRUST_LABELS['unsigned-device']).toBe(TRUST_LABELS['unsigned-device']);
	});
});
