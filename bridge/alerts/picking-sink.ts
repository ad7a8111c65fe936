// A sink wrapper that picks something out of each batch's events and hands it
// to the register with the batch, in the same transaction as the sync
// position (a crash neither loses nor doubles it): people's alert settings
// (preference-intake.ts) and acknowledgements (ack-intake.ts). What the pick
// logs is logged once the batch is kept, so a reader who sees "taken" finds it
// in the register.
import type { Batch, BatchSink } from '../matrix/sink.ts';
import type { IngestedEvent } from '../register/index.ts';

type Picked = 'alertPreferences' | 'alertAcks';

export function pickingSink<K extends Picked>(
	sink: BatchSink,
	key: K,
	pick: (events: readonly IngestedEvent[], log: (line: string) => void) => NonNullable<Batch[K]>,
	log: (line: string) => void,
): BatchSink {
	return {
		load: () => sink.load(),
		holds: (eventId) => sink.holds?.(eventId) === true,
		commit: (batch) => {
			const lines: string[] = [];
			const picked = pick(batch.events, (line) => lines.push(line));
			const committed = sink.commit(picked.length === 0 ? batch : { ...batch, [key]: picked });
			if (committed.ok) for (const line of lines) log(line);
			return committed;
		},
	};
}
