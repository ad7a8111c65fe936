import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockFromEnv, ManualClock, offsetClock, realClock } from './clock.ts';

describe('the reminders’ clocks', () => {
	it('wakes a manual sleeper when the clock passes its time, or when aborted', async () => {
		const clock = new ManualClock(100);
		let woke = 0;
		const wait = clock.sleepUntil(200, new AbortController().signal).then(() => woke++);
		clock.set(150);
		await Promise.resolve();
		expect(woke).toBe(0);
		clock.advance(50);
		await wait;
		expect(woke).toBe(1);
		const abort = new AbortController();
		const aborted = clock.sleepUntil(1e9, abort.signal);
		expect(clock.sleepers).toBe(1);
		abort.abort();
		await aborted;
		expect(clock.sleepers).toBe(0);
	});

	it('shifts the system time by the offset in its file, and wakes when the offset moves past the target', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'rogatory-clock-'));
		try {
			const file = join(dir, 'offset');
			const clock = offsetClock(file, 10);
			expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000);
			const target = Date.now() + 3_600_000;
			const wait = clock.sleepUntil(target, new AbortController().signal);
			writeFileSync(file, JSON.stringify(7_200_000));
			await wait;
			expect(clock.now()).toBeGreaterThanOrEqual(target);
			expect(clock.fromServer(0)).toBe(7_200_000);
			expect(clockFromEnv({ ROGATORY_CLOCK_FILE: file }).now()).toBeGreaterThanOrEqual(target);
			expect(clockFromEnv({})).toBe(realClock);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
