// The progress sink passes every batch on unchanged and logs only commits that
// landed and brought something.
import { describe, expect, it } from 'vitest';
import { MemorySink } from '../matrix/memory-sink.ts';
import type { Batch } from '../matrix/sink.ts';
import { ProgressSink } from './progress-sink.ts';

const batch = (events: number, token: string): Batch => ({
	events: Array.from({ length: events }, (_, i) => ({
		room: '!r:hs',
		eventId: `$${token}${i}`,
		sender: '@a:hs',
		originServerTs: 1,
		content: {},
		trust: { counts: true, verification: 'cross-signed' } as const,
	})),
	invitations: [],
	undecryptable: [],
	checkpoint: { syncToken: token, store: new Uint8Array([1]) },
});

describe('ProgressSink', () => {
	it('logs each commit that brought events, with the total since start', () => {
		const inner = new MemorySink();
		const lines: string[] = [];
		const sink = new ProgressSink(inner, (l) => lines.push(l));
		expect(sink.commit(batch(3, 's1')).ok).toBe(true);
		expect(sink.commit(batch(0, 's2')).ok).toBe(true);
		expect(sink.commit(batch(2, 's3')).ok).toBe(true);
		expect(inner.batches.map((b) => b.checkpoint.syncToken)).toEqual(['s1', 's2', 's3']);
		expect(sink.load()?.syncToken).toBe('s3');
		expect(lines).toEqual([
			'committed 3 events, 0 undecryptable, 0 invitations up to s1 (3 events since start)',
			'committed 2 events, 0 undecryptable, 0 invitations up to s3 (5 events since start)',
		]);
	});

	it('passes a refused commit back and counts nothing', () => {
		const inner = new MemorySink();
		inner.failWith = 'disk full';
		const lines: string[] = [];
		const sink = new ProgressSink(inner, (l) => lines.push(l));
		expect(sink.commit(batch(3, 's1'))).toEqual({ ok: false, error: 'disk full' });
		expect(sink.events).toBe(0);
		expect(lines).toEqual([]);
	});
});
