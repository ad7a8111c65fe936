import { describe, expect, it } from 'vitest';
import { foldCase } from '../../policies/cases/index.ts';
import { CONTEXT } from '../../policies/cases/testing/fixtures.ts';
import { caseHistory } from './case-histories.ts';

describe('the fold benchmark’s case histories', () => {
	it('are exactly as long as asked and fold with nothing rejected, the case moving on', () => {
		for (const index of [0, 1, 9_999]) {
			const events = caseHistory(index, 20);
			expect(events).toHaveLength(20);
			const record = foldCase(events, CONTEXT);
			expect(record.rejected).toEqual([]);
			expect('statusHistory' in record && record.statusHistory.length).toBeGreaterThanOrEqual(5);
		}
	});
});
