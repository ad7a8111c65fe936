import { describe, expect, it } from 'vitest';
import { splitByCap } from './mail-cap.ts';

describe('the cap on escalation mails per person', () => {
	const counts: Record<string, number> = { '@a:x': 0, '@b:x': 9, '@c:x': 10, '@d:x': 250 };
	const mailed = (r: string) => counts[r] ?? 0;

	it('mails those under the cap and holds those at or over it', () => {
		expect(splitByCap(['@a:x', '@b:x', '@c:x', '@d:x'], mailed, 10)).toEqual({ mail: ['@a:x', '@b:x'], held: ['@c:x', '@d:x'] });
	});

	it('holds no one when the cap is not reached, and everyone at a cap of 0 mails left', () => {
		expect(splitByCap(['@a:x'], mailed, 1)).toEqual({ mail: ['@a:x'], held: [] });
		expect(splitByCap(['@b:x'], mailed, 9)).toEqual({ mail: [], held: ['@b:x'] });
	});

	it('names a person once however often the step lists them', () => {
		expect(splitByCap(['@a:x', '@a:x', '@c:x', '@c:x'], mailed, 10)).toEqual({ mail: ['@a:x'], held: ['@c:x'] });
	});

	it('has nothing to split for a step without recipients', () => {
		expect(splitByCap([], mailed, 10)).toEqual({ mail: [], held: [] });
	});
});
