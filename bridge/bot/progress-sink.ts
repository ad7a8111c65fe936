// A BatchSink that passes every batch on to the real one and logs, on one
// line, what each commit that brought something wrote: events, undecryptable
// events, invitations and the sync token it now stands at. The totals since
// start are what the tests and the benches watch a bot process by.
import type { Result } from '../../policies/result.ts';
import type { Batch, BatchSink, Checkpoint } from '../matrix/sink.ts';

export class ProgressSink implements BatchSink {
	readonly #inner: BatchSink;
	readonly #log: (line: string) => void;
	/** Events committed since start. */
	events = 0;

	constructor(inner: BatchSink, log: (line: string) => void) {
		this.#inner = inner;
		this.#log = log;
	}

	load(): Checkpoint | undefined {
		return this.#inner.load();
	}

	holds(eventId: string): boolean {
		return this.#inner.holds?.(eventId) === true;
	}

	commit(batch: Batch): Result<void, string> {
		const done = this.#inner.commit(batch);
		if (done.ok && batch.events.length + batch.undecryptable.length + batch.invitations.length > 0) {
			this.events += batch.events.length;
			this.#log(
				`committed ${batch.events.length} events, ${batch.undecryptable.length} undecryptable, ${batch.invitations.length} invitations up to ${batch.checkpoint.syncToken} (${this.events} events since start)`,
			);
		}
		return done;
	}
}
