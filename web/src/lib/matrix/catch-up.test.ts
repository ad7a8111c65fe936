// The catch-up bookkeeping: which rooms are catching up, when a read is
// superseded, and the bound on reading again.
import { describe, expect, it } from 'vitest';
import { CatchUps, MAX_EXTRA_ROUNDS, missingFrom } from './catch-up.ts';

describe('catching up', () => {
	it('a reset room catches up until a read of its latest generation is checked whole', () => {
		const catchUps = new CatchUps();
		expect(catchUps.catching('!a')).toBe(false);
		catchUps.reset('!a', false);
		const first = catchUps.generation('!a');
		expect(catchUps.catching('!a')).toBe(true);

		// Reset again while the first read was under way: that read no longer decides.
		catchUps.reset('!a', false);
		expect(catchUps.checked('!a', first, 0)).toBe('stale');
		expect(catchUps.catching('!a')).toBe(true);

		expect(catchUps.checked('!a', catchUps.generation('!a'), 0)).toBe('done');
		expect(catchUps.catching('!a')).toBe(false);
	});

	it('reads again while the homeserver holds messages the timeline lacks, a bounded number of times', () => {
		const catchUps = new CatchUps();
		catchUps.reset('!a', false);
		for (let round = 0; round < MAX_EXTRA_ROUNDS; round++) {
			expect(catchUps.checked('!a', catchUps.generation('!a'), 5)).toBe('again');
			// The catch-up replaces the live timeline itself: its own reset keeps the count.
			catchUps.reset('!a', true);
			expect(catchUps.catching('!a')).toBe(true);
		}
		expect(catchUps.checked('!a', catchUps.generation('!a'), 5)).toBe('done');
		expect(catchUps.catching('!a')).toBe(false);

		// A reset by a sync starts the count again.
		catchUps.reset('!a', false);
		expect(catchUps.checked('!a', catchUps.generation('!a'), 1)).toBe('again');
	});

	it('a check that could not be made lets the room be; a room forgotten is not catching up', () => {
		const catchUps = new CatchUps();
		catchUps.reset('!b', false);
		expect(catchUps.checked('!b', catchUps.generation('!b'), undefined)).toBe('done');
		catchUps.reset('!b', false);
		catchUps.forget('!b');
		expect(catchUps.catching('!b')).toBe(false);
	});

	it('names the messages the timeline lacks', () => {
		expect(missingFrom(new Set(['$1', '$2']), ['$3', '$2', '$1', '$0'])).toEqual(['$3', '$0']);
		expect(missingFrom(new Set(['$1']), [])).toEqual([]);
	});
});
