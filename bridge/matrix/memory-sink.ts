// A BatchSink in memory, for unit tests: keeps every batch as committed, and
// can be told to refuse commits (a register that cannot be written).
import { err, ok, type Result } from '../../policies/result.ts';
import type { Batch, BatchSink, Checkpoint } from './sink.ts';

export class MemorySink implements BatchSink {
	readonly batches: Batch[] = [];
	/** When set, commit fails with this message. */
	failWith: string | undefined;

	load(): Checkpoint | undefined {
		return this.batches.at(-1)?.checkpoint;
	}

	/** Whether an event with this ID was committed (as a register refuses a second). */
	holds(eventId: string): boolean {
		return this.batches.some((b) => b.events.some((e) => e.eventId === eventId) || b.undecryptable.some((u) => u.eventId === eventId));
	}

	commit(batch: Batch): Result<void, string> {
		if (this.failWith !== undefined) return err(this.failWith);
		this.batches.push(batch);
		return ok(undefined);
	}
}
