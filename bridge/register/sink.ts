// The register as bridge/matrix's batch sink: the same batch shape, errors
// as one-line strings for its logs. Structural types only, so the register
// does not depend on the Matrix side.
import type { Result } from '../../policies/result.ts';
import { err, ok } from '../../policies/result.ts';
import type { Register } from './register.ts';
import type { Checkpoint, IngestBatch } from './types.ts';

export interface RegisterSink {
	/** The last committed checkpoint, or undefined on first start. */
	load(): Checkpoint | undefined;
	/** The whole batch in one transaction; an error leaves the register as it was and the sync must not advance. */
	commit(batch: IngestBatch): Result<void, string>;
	/** Whether the event ID is logged, recorded undecryptable or seen as chat already. */
	holds(eventId: string): boolean;
}

export function registerSink(register: Register): RegisterSink {
	return {
		load: () => {
			const point = register.readCheckpoint();
			// NOTE: the sink interface has no error value for load; it runs once at
			// start, where a register that cannot be read must stop the bot.
			if (!point.ok) throw new Error(point.error.message);
			return point.value;
		},
		holds: (eventId) => {
			const held = register.holds(eventId);
			// NOTE: a register that cannot be read now answers "not held": the event is ingested again, and refused there.
			return held.ok && held.value;
		},
		commit: (batch) => {
			const done = register.ingest(batch);
			return done.ok ? ok(undefined) : err(done.error.message);
		},
	};
}
