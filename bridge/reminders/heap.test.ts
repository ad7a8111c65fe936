import { describe, expect, it } from 'vitest';
import { DueHeap } from './heap.ts';

describe('the due heap', () => {
	it('pops entries by due time, then id, whatever the insertion order', () => {
		const heap = new DueHeap();
		let seed = 7;
		const random = (): number => (seed = (seed * 48271) % 2147483647);
		const entries = Array.from({ length: 2000 }, (_, i) => ({ due: random() % 500, id: `r${i}` }));
		for (const e of entries) heap.push(e);
		expect(heap.size).toBe(2000);
		const popped = [];
		for (let e = heap.pop(); e !== undefined; e = heap.pop()) popped.push(e);
		const sorted = [...entries].sort((a, b) => a.due - b.due || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		expect(popped).toEqual(sorted);
		expect(heap.peek()).toBeUndefined();
	});
});
