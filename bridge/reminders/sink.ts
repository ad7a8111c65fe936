// The bot's sink with the reminders looking on: each batch's events are shown
// to the hook before the commit (acknowledgements are recorded first, and
// again if the batch is replayed after a crash: idempotent), and its rooms
// after the commit succeeded (so preservations are re-read from what the
// register now holds). Errors of the hook never fail the commit: they are the
// hook's to log. Only events that count (policies/trust) reach the hook: a
// preservation event or an acknowledgement sent in the clear, or from a device
// nobody vouches for, moves no deadline and silences no reminder.
import type { BatchSink } from '../matrix/sink.ts';
import type { ReminderHook } from './hook.ts';

export function remindingSink(sink: BatchSink, hook: ReminderHook): BatchSink {
	return {
		load: () => sink.load(),
		holds: (eventId) => sink.holds?.(eventId) === true,
		commit: (batch) => {
			const counted = batch.events.filter((e) => e.trust.counts);
			if (counted.length > 0) hook.observe(counted);
			const done = sink.commit(batch);
			if (done.ok && counted.length > 0) hook.committed([...new Set(counted.map((e) => e.room))]);
			return done;
		},
	};
}
