import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NetworkRoomsKeeper, RoundOutcome } from './keeper.ts';
import { NetworkRoomsLoop } from './loop.ts';

/** A keeper whose rounds give these outcomes in turn (a thrown Error for a crash), then `done`. */
function keeperGiving(outcomes: readonly (RoundOutcome | Error)[]) {
	let calls = 0;
	const keeper = {
		round: (): Promise<RoundOutcome> => {
			const outcome = outcomes[calls++] ?? { done: true };
			return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome);
		},
	};
	return { keeper: keeper as unknown as NetworkRoomsKeeper, calls: () => calls };
}

afterEach(() => {
	vi.useRealTimers();
});

describe('NetworkRoomsLoop', () => {
	it('runs another round after retryMs while one leaves something, and stops once one is done', async () => {
		vi.useFakeTimers();
		const { keeper, calls } = keeperGiving([{ done: false }, new Error('M_UNKNOWN'), { done: true }]);
		const lines: string[] = [];
		const loop = new NetworkRoomsLoop(keeper, 1_000, (l) => lines.push(l));
		let finished = false;
		void loop.done.then(() => (finished = true));
		loop.start();
		await vi.advanceTimersByTimeAsync(0);
		expect(calls()).toBe(1);
		await vi.advanceTimersByTimeAsync(999);
		expect(calls()).toBe(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(calls()).toBe(2);
		expect(lines).toEqual(['network: M_UNKNOWN — will try again']);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(calls()).toBe(3);
		expect(finished).toBe(true);
		await vi.advanceTimersByTimeAsync(10_000);
		expect(calls()).toBe(3);
	});

	it('runs no more rounds once stopped', async () => {
		vi.useFakeTimers();
		const { keeper, calls } = keeperGiving([{ done: false }, { done: false }]);
		const loop = new NetworkRoomsLoop(keeper, 1_000, () => {});
		loop.start();
		await loop.settled();
		loop.stop();
		await vi.advanceTimersByTimeAsync(5_000);
		expect(calls()).toBe(1);
	});
});
