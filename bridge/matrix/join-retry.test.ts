import { describe, expect, it } from 'vitest';
import { afterRefusedJoin, JOIN_RETRY_DELAYS_MS, mayTryJoin, type RefusedJoin } from './join-retry.ts';

describe('a refused join', () => {
	it('is tried again after each delay, then given up', () => {
		let refused: RefusedJoin | undefined;
		let now = 1_000_000;
		expect(mayTryJoin(refused, now)).toBe(true);
		for (const delay of JOIN_RETRY_DELAYS_MS) {
			refused = afterRefusedJoin(refused, 403, now);
			expect(refused).toBeDefined();
			expect(mayTryJoin(refused, now + delay - 1)).toBe(false);
			now += delay;
			expect(mayTryJoin(refused, now)).toBe(true);
		}
		expect(afterRefusedJoin(refused, 403, now)).toBeUndefined();
	});

	it('is given up at once when the room is gone (404)', () => {
		expect(afterRefusedJoin(undefined, 404, 0)).toBeUndefined();
	});
});
