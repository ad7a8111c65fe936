import { describe, expect, it } from 'vitest';
import { sentenceParts } from './sentence.ts';

const byAt = (i: { who: string; when: string }) => `${i.when} — ${i.who} (${i.who})`;

describe('sentence parts', () => {
	it('splits a sentence around the party’s values, in the order the language puts them, with the page’s own values as they are', () => {
		expect(sentenceParts((i: { reason: string }) => `Reason: ${i.reason}`, { reason: 'Trial\u202E date' })).toEqual([
			{ kind: 'text', text: 'Reason: ' },
			{ kind: 'party', text: 'Trial\u202E date' },
		]);
		expect(sentenceParts(byAt, { who: '@ana:hs' }, { when: 'today' })).toEqual([
			{ kind: 'text', text: 'today — ' },
			{ kind: 'party', text: '@ana:hs' },
			{ kind: 'text', text: ' (' },
			{ kind: 'party', text: '@ana:hs' },
			{ kind: 'text', text: ')' },
		]);
	});

	it('takes nothing in a value for a token', () => {
		const value = 'a\uE0000\uE001b\uE000';
		expect(sentenceParts((i: { v: string }) => `x ${i.v} y`, { v: value })).toEqual([
			{ kind: 'text', text: 'x ' },
			{ kind: 'party', text: value },
			{ kind: 'text', text: ' y' },
		]);
	});
});
