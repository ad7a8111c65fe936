import { describe, expect, it } from 'vitest';
import { submitsOnEnter, type EnterKey } from './enter.ts';

const key = (overrides: Partial<EnterKey>): EnterKey => ({
	key: 'Enter',
	shiftKey: false,
	ctrlKey: false,
	altKey: false,
	metaKey: false,
	isComposing: false,
	...overrides,
});

describe('Enter in a recovery-key box', () => {
	it('confirms', () => expect(submitsOnEnter(key({}))).toBe(true));
	it('leaves Shift+Enter, modified Enter, other keys and an IME composition alone', () => {
		expect(submitsOnEnter(key({ shiftKey: true }))).toBe(false);
		expect(submitsOnEnter(key({ ctrlKey: true }))).toBe(false);
		expect(submitsOnEnter(key({ altKey: true }))).toBe(false);
		expect(submitsOnEnter(key({ metaKey: true }))).toBe(false);
		expect(submitsOnEnter(key({ isComposing: true }))).toBe(false);
		expect(submitsOnEnter(key({ key: 'a' }))).toBe(false);
	});
});
