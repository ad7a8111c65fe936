import { describe, expect, it } from 'vitest';
import { navCurrent } from './nav-current.ts';

describe('navCurrent', () => {
	const group = '/(signed-in)';

	it('is the page on the section itself and true on a page within it', () => {
		expect(navCurrent('/(signed-in)/cases', group, '/cases')).toBe('page');
		expect(navCurrent('/(signed-in)/cases/[room]', group, '/cases')).toBe('true');
		expect(navCurrent('/(signed-in)/register/statistics', group, '/register')).toBe('true');
	});

	it('is nothing elsewhere, for a section whose name starts another, and where no route matched', () => {
		expect(navCurrent('/(signed-in)/keys', group, '/cases')).toBeUndefined();
		expect(navCurrent('/(signed-in)/cases-archive', group, '/cases')).toBeUndefined();
		expect(navCurrent(null, group, '/cases')).toBeUndefined();
	});
});
