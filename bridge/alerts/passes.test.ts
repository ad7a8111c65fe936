import { describe, expect, it } from 'vitest';
import { ok } from '../../policies/result.ts';
import type { Batch, BatchSink } from '../matrix/sink.ts';
import { alertingSink, passes } from './passes.ts';

describe('the escalator’s passes', () => {
	it('run one at a time: asked for while one runs, one more runs after it', async () => {
		let running = 0;
		let most = 0;
		let count = 0;
		let release: () => void = () => undefined;
		const engine = {
			pass: async () => {
				running++;
				most = Math.max(most, running);
				count++;
				await new Promise<void>((resolve) => (release = resolve));
				running--;
			},
		};
		const p = passes(engine, 60_000, () => undefined);
		p.request();
		p.request();
		release();
		await new Promise((r) => setTimeout(r, 0));
		release();
		await new Promise((r) => setTimeout(r, 0));
		const stopping = p.stop();
		release();
		await stopping;
		expect(most).toBe(1);
		expect(count).toBe(2);
	});

	it('log a pass that threw, and go on', async () => {
		const lines: string[] = [];
		const p = passes({ pass: () => Promise.reject(new Error('disk')) }, 60_000, (l) => lines.push(l));
		await p.stop();
		expect(lines).toEqual(['alerts: a pass failed: disk']);
	});

	it('are asked for after a batch with events was committed, not after an empty or failed one', () => {
		let asked = 0;
		let fails = false;
		const sink: BatchSink = { load: () => undefined, commit: () => (fails ? { ok: false, error: 'full' } : ok(undefined)) };
		const wrapped = alertingSink(sink, { request: () => asked++ });
		const batch = (n: number) =>
			({
				events: Array(n).fill({}),
				invitations: [],
				undecryptable: [],
				checkpoint: { syncToken: 's', store: new Uint8Array() },
			}) as unknown as Batch;
		wrapped.commit(batch(1));
		wrapped.commit(batch(0));
		fails = true;
		wrapped.commit(batch(2));
		expect(asked).toBe(1);
	});
});
