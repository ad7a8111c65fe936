// The reminders' clock, injected so that tests (and drills) can move time:
// the scheduler reads the time and sleeps only through it. The real clock is
// the system's; the manual clock is moved by a test in-process; the offset
// clock runs the system's time shifted by an amount read from a file, so a
// test can move a bot running as a child process forward (its Matrix
// timestamps stay real: only what the scheduler reads is shifted).
import { readFileSync } from 'node:fs';

export interface Clock {
	/** Milliseconds since the epoch, on this clock. */
	now(): number;
	/** Resolves once now() ≥ t, or as soon as `signal` aborts. Never rejects. */
	sleepUntil(t: number, signal: AbortSignal): Promise<void>;
	/** This clock's reading for a homeserver timestamp (origin_server_ts), so that server and clock times compare. */
	fromServer(ts: number): number;
}

// NOTE: setTimeout takes at most 2^31 − 1 ms (about 24.8 days); a longer wait sleeps again.
const MAX_TIMEOUT = 2_147_483_647;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve) => {
		if (signal.aborted) return resolve();
		const done = (): void => {
			clearTimeout(timer);
			signal.removeEventListener('abort', done);
			resolve();
		};
		const timer = setTimeout(done, Math.max(0, Math.min(ms, MAX_TIMEOUT)));
		signal.addEventListener('abort', done, { once: true });
	});
}

export const realClock: Clock = {
	now: () => Date.now(),
	sleepUntil: async (t, signal) => {
		while (!signal.aborted && Date.now() < t) await sleep(t - Date.now(), signal);
	},
	fromServer: (ts) => ts,
};

/**
 * The system's time plus an offset in milliseconds read from `file` (a JSON
 * number; 0 while the file is missing or unreadable), re-read every `pollMs`
 * while sleeping, so that moving the offset forward wakes the sleeper.
 */
export function offsetClock(file: string, pollMs = 200): Clock {
	const offset = (): number => {
		try {
			const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
			return typeof value === 'number' && Number.isFinite(value) ? value : 0;
		} catch {
			return 0;
		}
	};
	return {
		now: () => Date.now() + offset(),
		sleepUntil: async (t, signal) => {
			while (!signal.aborted && Date.now() + offset() < t) await sleep(Math.min(pollMs, t - Date.now() - offset()), signal);
		},
		fromServer: (ts) => ts + offset(),
	};
}

/** ROGATORY_CLOCK_FILE names an offset clock's file (integration tests, drills); the real clock otherwise. */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
	const file = env['ROGATORY_CLOCK_FILE'];
	return file === undefined || file === '' ? realClock : offsetClock(file);
}

/** A clock a test moves by hand: sleepers wake when `set` or `advance` passes their time. */
export class ManualClock implements Clock {
	#now: number;
	readonly #sleepers = new Set<{ t: number; wake: () => void }>();

	constructor(start: number) {
		this.#now = start;
	}

	now(): number {
		return this.#now;
	}

	fromServer(ts: number): number {
		return ts;
	}

	sleepUntil(t: number, signal: AbortSignal): Promise<void> {
		if (signal.aborted || this.#now >= t) return Promise.resolve();
		return new Promise((resolve) => {
			const sleeper = {
				t,
				wake: () => {
					this.#sleepers.delete(sleeper);
					signal.removeEventListener('abort', sleeper.wake);
					resolve();
				},
			};
			this.#sleepers.add(sleeper);
			signal.addEventListener('abort', sleeper.wake, { once: true });
		});
	}

	set(t: number): void {
		this.#now = t;
		for (const s of [...this.#sleepers]) if (s.t <= t) s.wake();
	}

	advance(ms: number): void {
		this.set(this.#now + ms);
	}

	/** How many are asleep now (tests wait for the scheduler to settle). */
	get sleepers(): number {
		return this.#sleepers.size;
	}
}
