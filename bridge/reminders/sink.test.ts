// The reminders see only events that count: a preservation event or an
// acknowledgement that did not arrive encrypted from a vouched-for device
// moves no deadline and silences no reminder. The register still gets them.
import { describe, expect, it } from 'vitest';
import { MemorySink } from '../matrix/memory-sink.ts';
import type { Batch } from '../matrix/sink.ts';
import type { ReminderHook, SeenEvent } from './hook.ts';
import { remindingSink } from './sink.ts';

const event = (id: string, counts: boolean) => ({
	room: `!${id}:hs`,
	eventId: `$${id}`,
	sender: '@a:hs',
	originServerTs: 1,
	content: {},
	trust: counts
		? ({ counts: true, verification: 'cross-signed' } as const)
		: ({ counts: false, code: 'not-encrypted', reason: 'clear' } as const),
});

describe('remindingSink', () => {
	it('shows the hook only the events that count, and commits them all', () => {
		const observed: SeenEvent[][] = [];
		const committed: string[][] = [];
		const hook: ReminderHook = {
			observe: (events) => void observed.push([...events]),
			committed: (rooms) => void committed.push([...rooms]),
			start: () => {},
			stop: () => {},
		};
		const inner = new MemorySink();
		const sink = remindingSink(inner, hook);
		const batch: Batch = {
			events: [event('real', true), event('forged', false)],
			invitations: [],
			undecryptable: [],
			checkpoint: { syncToken: 's', store: new Uint8Array([1]) },
		};
		expect(sink.commit(batch).ok).toBe(true);
		expect(observed.map((b) => b.map((e) => e.eventId))).toEqual([['$real']]);
		expect(committed).toEqual([['!real:hs']]);
		expect(inner.batches[0]?.events.map((e) => e.eventId)).toEqual(['$real', '$forged']);

		expect(sink.commit({ ...batch, events: [event('forged2', false)] }).ok).toBe(true);
		expect(observed).toHaveLength(1);
	});
});
