import { describe, expect, it } from 'vitest';
import { historyState } from './history-check.ts';

describe('historyState', () => {
	it('words each outcome of the bridge’s last check of a room’s history', () => {
		expect(historyState(undefined)).toEqual({ kind: 'none' });
		expect(historyState({ checkedAt: 5, complete: true, missing: 0, lastCompleteAt: 5 })).toEqual({ kind: 'complete', checkedAt: 5 });
		expect(historyState({ checkedAt: 5, complete: true, missing: 3, lastCompleteAt: 5 })).toEqual({
			kind: 'added',
			checkedAt: 5,
			count: 3,
		});
		expect(historyState({ checkedAt: 9, complete: false, missing: 2, lastCompleteAt: 5 })).toEqual({
			kind: 'partial',
			checkedAt: 9,
			lastCompleteAt: 5,
		});
		expect(historyState({ checkedAt: 9, complete: false, missing: 0, lastCompleteAt: undefined })).toMatchObject({
			lastCompleteAt: undefined,
		});
	});
});
