// The baseline sink keeps the last checkpoint across a reopen, and reports a
// file it cannot write as an error value.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckpointFileSink } from './bridge-checkpoint-sink.ts';

const batch = (syncToken: string, store: number[]) => ({
	events: [],
	invitations: [],
	undecryptable: [],
	checkpoint: { syncToken, store: new Uint8Array(store) },
});

describe('CheckpointFileSink', () => {
	it('keeps the last checkpoint across a reopen', () => {
		const dir = mkdtempSync(join(tmpdir(), 'rogatory-checkpoint-'));
		try {
			const file = join(dir, 'checkpoint.bin');
			expect(new CheckpointFileSink(file).load()).toBeUndefined();
			const sink = new CheckpointFileSink(file);
			expect(sink.commit(batch('s1_é', [1, 2])).ok).toBe(true);
			expect(sink.commit(batch('s2_é', [3, 4, 5])).ok).toBe(true);
			expect(new CheckpointFileSink(file).load()).toEqual({ syncToken: 's2_é', store: new Uint8Array([3, 4, 5]) });
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('reports a file it cannot write', () => {
		const result = new CheckpointFileSink('/nonexistent-folder/checkpoint.bin').commit(batch('s', [1]));
		expect(result.ok).toBe(false);
	});
});
