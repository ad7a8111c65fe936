import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOM } from '../../policies/cases/testing/fixtures.ts';
import { history } from '../../policies/cases/testing/histories.ts';
import { batch, inRoom, MLA_HISTORY, must, open, OTHER_HISTORY, tempDir } from './testing.ts';
import type { IngestedEvent } from './types.ts';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir()));
afterEach(() => temp.cleanup());

/** Two rooms' events interleaved: the scripted second room's events slotted between the first room's. */
function interleave(a: readonly IngestedEvent[], b: readonly IngestedEvent[]): IngestedEvent[] {
	const out: IngestedEvent[] = [];
	const step = Math.max(1, Math.floor(a.length / (b.length + 1)));
	let j = 0;
	a.forEach((e, i) => {
		out.push(e);
		if ((i + 1) % step === 0 && j < b.length) out.push(b[j++]!);
	});
	return [...out, ...b.slice(j)];
}

/** Splits events into `parts` consecutive batches of uneven sizes (some empty). */
function split(events: readonly IngestedEvent[], parts: number): IngestedEvent[][] {
	const cuts = Array.from({ length: parts - 1 }, (_, i) => Math.floor((events.length * (i + 1) ** 2) / parts ** 2));
	return [0, ...cuts].map((start, i) => events.slice(start, [...cuts, events.length][i]));
}

function ingestAll(name: string, batches: readonly (readonly IngestedEvent[])[]) {
	const register = open(temp.file(name));
	batches.forEach((events, i) => must(register.ingest(batch(events, `s${i}`, new Uint8Array([i])))));
	const snapshot = must(register.snapshot());
	expect(must(register.verify())).toMatchObject({ intact: true });
	register.close();
	return snapshot;
}

describe('determinism', () => {
	it('gives the same register for one batch and for seven', () => {
		const events = interleave(MLA_HISTORY, OTHER_HISTORY);
		const batches = split(events, 7);
		expect(batches).toHaveLength(7);
		expect(batches.flat()).toEqual(events);
		const whole = ingestAll('one.db', [events]);
		expect(whole.eventLog.length).toBe(13);
		expect(ingestAll('seven.db', batches)).toEqual(whole);
	});

	it('gives the same register for generated histories, however they are cut', () => {
		const samples = fc.sample(history, { seed: 4, numRuns: 12 });
		samples.forEach((events, n) => {
			const ordered = interleave(inRoom(ROOM, events), OTHER_HISTORY);
			const whole = ingestAll(`whole-${n}.db`, [ordered]);
			const parts = 2 + (n % 9);
			expect(ingestAll(`cut-${n}.db`, split(ordered, parts)), `sample ${n} in ${parts} batches`).toEqual(whole);
		});
	});

	it('logs nothing twice when the same batch comes again (a replay after a crash)', () => {
		const register = open(temp.file('r.db'));
		must(register.ingest(batch(MLA_HISTORY, 's1')));
		const first = must(register.snapshot());
		const again = must(register.ingest(batch(MLA_HISTORY, 's2')));
		expect(again).toMatchObject({ logged: 0, skipped: MLA_HISTORY.length, rooms: [] });
		expect(must(register.snapshot())).toEqual(first);
		// The checkpoint still moves on: the sync position is past the replayed events.
		expect(must(register.readCheckpoint())?.syncToken).toBe('s2');
		register.close();
	});

	it('logs an event delivered twice in one batch once', () => {
		const register = open(temp.file('r.db'));
		const summary = must(register.ingest(batch([...MLA_HISTORY.slice(0, 3), ...MLA_HISTORY.slice(0, 3)])));
		expect(summary).toMatchObject({ logged: 3, skipped: 3 });
		expect(must(register.snapshot()).eventLog.map((r) => r.eventId)).toEqual(['$open', '$t1', '$a1']);
		register.close();
	});
});
