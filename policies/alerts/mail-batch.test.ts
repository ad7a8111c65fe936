import { describe, expect, it } from 'vitest';
import { mailDecision } from './mail-batch.ts';

const T = Date.UTC(2026, 11, 4, 9);
const M = 60_000;

describe('when a person is mailed', () => {
	it('mails the first item at once, then gathers the rest of the hour into one mail', () => {
		expect(mailDecision([{ urgent: false, since: T }], undefined, T)).toEqual({ send: 'now' });
		expect(mailDecision([{ urgent: false, since: T + 5 * M }], T, T + 5 * M)).toEqual({ send: 'later', at: T + 60 * M });
		expect(mailDecision([{ urgent: false, since: T + 5 * M }], T, T + 60 * M)).toEqual({ send: 'now' });
	});

	it('mails an urgent item at once, even just after another mail', () => {
		expect(
			mailDecision(
				[
					{ urgent: false, since: T },
					{ urgent: true, since: T + M },
				],
				T,
				T + M,
			),
		).toEqual({ send: 'now' });
	});

	it('mails nothing when nothing waits', () => {
		expect(mailDecision([], T, T + 2 * 60 * M)).toEqual({ send: 'nothing' });
	});
});
