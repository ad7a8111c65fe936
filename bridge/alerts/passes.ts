// When the escalator looks (issue 16): every `everyMs` and after each batch
// the register committed (a new urgent request, or an acknowledgement, is
// acted on at once), one pass at a time — a pass asked for while one runs
// runs once after it, so two passes never record or send the same step.
import type { BatchSink } from '../matrix/sink.ts';
import type { Escalator } from './escalator.ts';

export interface Passes {
	/** Asks for a pass (now, or right after the running one). */
	request(): void;
	/** Stops the timer; resolves when the running pass ended. */
	stop(): Promise<void>;
}

export function passes(escalator: Escalator, everyMs: number, log: (line: string) => void): Passes {
	let running: Promise<void> | undefined;
	let again = false;
	let stopped = false;
	const request = (): void => {
		if (stopped) return;
		if (running !== undefined) {
			again = true;
			return;
		}
		running = (async () => {
			do {
				again = false;
				try {
					await escalator.pass();
				} catch (error) {
					log(`alerts: a pass failed: ${error instanceof Error ? error.message : String(error)}`);
				}
			} while (again && !stopped);
		})().finally(() => {
			running = undefined;
		});
	};
	const timer = setInterval(request, everyMs);
	timer.unref();
	request();
	return {
		request,
		stop: async () => {
			stopped = true;
			clearInterval(timer);
			await running;
		},
	};
}

/** The sink, asking for a pass after each batch it committed. */
export function alertingSink(sink: BatchSink, passes: Pick<Passes, 'request'>): BatchSink {
	return {
		load: () => sink.load(),
		holds: (eventId) => sink.holds?.(eventId) === true,
		commit: (batch) => {
			const done = sink.commit(batch);
			if (done.ok && batch.events.length > 0) passes.request();
			return done;
		},
	};
}
