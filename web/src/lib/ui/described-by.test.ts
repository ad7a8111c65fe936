import { describe, expect, it } from 'vitest';
import { describedBy } from './described-by.ts';

describe('describedBy', () => {
	it('names the hint and the problem a field has, and nothing when it has neither', () => {
		expect(describedBy('f', undefined, undefined)).toBeUndefined();
		expect(describedBy('f', 'a hint', undefined)).toBe('f-hint');
		expect(describedBy('f', undefined, 'wrong')).toBe('f-problem');
		expect(describedBy('f', 'a hint', 'wrong')).toBe('f-hint f-problem');
	});
});
