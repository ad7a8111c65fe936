// The bot's sink with the reminders looking on: each batch's events are shown
// to the hook before the commit (acknowledgements are recorded first, and
// again if the batch is replayed after a crash: idempotent), and its rooms
// after the commit succeeded (so preservations are re-read from what the
// register now holds). Errors of the hook never fail the commit: they are the
// hook's to log.
import type { BatchSink } from '../matrix/sink.ts';
import type { ReminderHook } from './hook.ts';

export function remindingSink(sink: BatchSink, hook: ReminderHook): BatchSink {
	return {
		load: () => sink.load(),
		commit: (batch) => {
			if (batch.events.length > 0) hook.observe(batch.events);
			const done = sink.commit(batch);
			if (done.ok && batch.events.length > 0) hook.committed([...new Set(batch.events.map((e) => e.room))]);
			return done;
		},
	};
}
