import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DirectoryResends } from './directory-resends.ts';

const TIMING = { afterMs: 2_000, deviceFloorMs: 300_000 };

describe('when the bridge re-sends its entries', () => {
	beforeEach(() => void vi.useFakeTimers({ now: new Date('2026-12-03T12:00:00Z') }));
	afterEach(() => void vi.useRealTimers());

	it('gathers a burst of joins into one re-send', () => {
		const resends = new DirectoryResends(TIMING);
		const run = vi.fn();
		resends.forJoin('REFCO', run);
		resends.forJoin('REFCO', run);
		vi.advanceTimersByTime(1_999);
		expect(run).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(run).toHaveBeenCalledTimes(1);
	});

	it('re-sends for new devices at most once per floor, deferring rather than dropping', () => {
		const resends = new DirectoryResends(TIMING);
		const run = vi.fn();
		resends.forDevice('REFCO', run);
		vi.advanceTimersByTime(2_000);
		expect(run).toHaveBeenCalledTimes(1);
		// A second device a minute later waits for the floor…
		vi.advanceTimersByTime(60_000);
		resends.forDevice('REFCO', run);
		resends.forDevice('REFCO', run);
		vi.advanceTimersByTime(200_000);
		expect(run).toHaveBeenCalledTimes(1);
		// …and comes once at it.
		vi.advanceTimersByTime(40_000);
		expect(run).toHaveBeenCalledTimes(2);
	});

	it('lets a join go first instead of waiting behind a deferred device re-send', () => {
		const resends = new DirectoryResends(TIMING);
		const run = vi.fn();
		resends.forDevice('REFCO', run);
		vi.advanceTimersByTime(2_000);
		resends.forDevice('REFCO', run);
		resends.forJoin('REFCO', run);
		vi.advanceTimersByTime(2_000);
		expect(run).toHaveBeenCalledTimes(2);
		vi.advanceTimersByTime(600_000);
		expect(run).toHaveBeenCalledTimes(2);
	});

	it('answers an ask in the next burst, ahead of a device re-send held to the floor', () => {
		const resends = new DirectoryResends(TIMING);
		const device = vi.fn();
		const ask = vi.fn();
		resends.forDevice('REFCO', device);
		vi.advanceTimersByTime(2_000);
		resends.forDevice('REFCO', device);
		resends.forAsk('REFCO', ask);
		vi.advanceTimersByTime(2_000);
		expect(ask).toHaveBeenCalledTimes(1);
		// The ask's re-send replaced the one held to the floor (it reaches every device the bridge knows).
		vi.advanceTimersByTime(600_000);
		expect(device).toHaveBeenCalledTimes(1);
	});

	it('answers asks at most once per ask floor, deferring rather than dropping', () => {
		const resends = new DirectoryResends({ ...TIMING, askFloorMs: 30_000 });
		const run = vi.fn();
		resends.forAsk('REFCO', run);
		vi.advanceTimersByTime(2_000);
		expect(run).toHaveBeenCalledTimes(1);
		for (let i = 0; i < 10; i += 1) {
			resends.forAsk('REFCO', run);
			vi.advanceTimersByTime(1_000);
		}
		expect(run).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(20_000);
		expect(run).toHaveBeenCalledTimes(2);
		vi.advanceTimersByTime(600_000);
		expect(run).toHaveBeenCalledTimes(2);
	});

	it('keeps networks apart and runs nothing once stopped', () => {
		const resends = new DirectoryResends(TIMING);
		const refco = vi.fn();
		const wacap = vi.fn();
		resends.forJoin('REFCO', refco);
		resends.forJoin('WACAP', wacap);
		vi.advanceTimersByTime(2_000);
		expect([refco.mock.calls.length, wacap.mock.calls.length]).toEqual([1, 1]);
		resends.forJoin('REFCO', refco);
		resends.stop();
		resends.forJoin('REFCO', refco);
		vi.advanceTimersByTime(10_000);
		expect(refco).toHaveBeenCalledTimes(1);
	});
});

describe('a join seen while a re-send for a device is gathered', () => {
	beforeEach(() => void vi.useFakeTimers({ now: new Date('2026-12-03T12:00:00Z') }));
	afterEach(() => void vi.useRealTimers());

	it('puts the re-send off to the burst after the join, once', () => {
		const resends = new DirectoryResends(TIMING);
		const run = vi.fn();
		resends.forDevice('REFCO', run);
		vi.advanceTimersByTime(1_000);
		resends.forJoin('REFCO', run);
		vi.advanceTimersByTime(1_999);
		expect(run).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(run).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(600_000);
		expect(run).toHaveBeenCalledTimes(1);
	});
});

describe('the first new device of someone who just joined', () => {
	beforeEach(() => void vi.useFakeTimers({ now: new Date('2026-12-03T12:00:00Z') }));
	afterEach(() => void vi.useRealTimers());

	const ANA = '@ana:mp.gt';

	/** Another member's device set the floor a minute ago. */
	function afterAnotherDevice(resends: DirectoryResends, run: () => void): void {
		resends.forDevice('REFCO', run, ['@bruno:fgr.sv']);
		vi.advanceTimersByTime(2_000);
		vi.advanceTimersByTime(60_000);
	}

	it('does not wait for the floor another member’s device set, once', () => {
		const resends = new DirectoryResends(TIMING);
		const run = vi.fn();
		afterAnotherDevice(resends, run);
		resends.forJoin('REFCO', run, ANA);
		vi.advanceTimersByTime(2_000);
		expect(run).toHaveBeenCalledTimes(2);
		// Ana signs her new browser's device after the join's re-send went out.
		vi.advanceTimersByTime(5_000);
		resends.forDevice('REFCO', run, [ANA]);
		vi.advanceTimersByTime(2_000);
		expect(run).toHaveBeenCalledTimes(3);
		// Her next device is held to the floor like anyone's.
		resends.forDevice('REFCO', run, [ANA]);
		vi.advanceTimersByTime(200_000);
		expect(run).toHaveBeenCalledTimes(3);
	});

	it('is held to the floor once the floor has passed since the join', () => {
		const resends = new DirectoryResends(TIMING);
		const run = vi.fn();
		resends.forJoin('REFCO', run, ANA);
		vi.advanceTimersByTime(300_000);
		afterAnotherDevice(resends, run);
		resends.forDevice('REFCO', run, [ANA]);
		vi.advanceTimersByTime(2_000);
		expect(run).toHaveBeenCalledTimes(2);
	});

	it('counts joins per network', () => {
		const resends = new DirectoryResends(TIMING);
		const run = vi.fn();
		afterAnotherDevice(resends, run);
		resends.forJoin('WACAP', vi.fn(), ANA);
		resends.forDevice('REFCO', run, [ANA]);
		vi.advanceTimersByTime(2_000);
		expect(run).toHaveBeenCalledTimes(1);
	});
});
