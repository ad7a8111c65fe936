import { describe, expect, it } from 'vitest';
import { percentile } from './stats.ts';

describe('percentile (nearest rank)', () => {
	it('matches hand-computed ranks', () => {
		const samples = [15, 20, 35, 40, 50];
		expect(percentile(samples, 5)).toBe(15);
		expect(percentile(samples, 30)).toBe(20);
		expect(percentile(samples, 40)).toBe(20);
		expect(percentile(samples, 50)).toBe(35);
		expect(percentile(samples, 100)).toBe(50);
	});

	it('does not depend on the order of the samples', () => {
		expect(percentile([50, 15, 40, 20, 35], 95)).toBe(50);
	});

	it('is NaN without samples', () => {
		expect(percentile([], 50)).toBeNaN();
	});
});
