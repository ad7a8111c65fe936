// A binary min-heap of (due, id): the scheduler's single queue. One timer
// waits for the head, however many reminders there are — never one timer per
// reminder (100,000 preservations make 500,000 rows). Entries are not removed
// when a reminder is cancelled: the row's state is checked when it is popped.
export interface HeapEntry {
	readonly due: number;
	readonly id: string;
}

export class DueHeap {
	readonly #items: HeapEntry[] = [];

	get size(): number {
		return this.#items.length;
	}

	peek(): HeapEntry | undefined {
		return this.#items[0];
	}

	push(entry: HeapEntry): void {
		const items = this.#items;
		items.push(entry);
		let i = items.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!before(items[i]!, items[parent]!)) break;
			[items[i], items[parent]] = [items[parent]!, items[i]!];
			i = parent;
		}
	}

	pop(): HeapEntry | undefined {
		const items = this.#items;
		const top = items[0];
		const last = items.pop();
		if (top === undefined || last === undefined || items.length === 0) return top;
		items[0] = last;
		for (let i = 0; ;) {
			const l = 2 * i + 1;
			const r = l + 1;
			let m = i;
			if (l < items.length && before(items[l]!, items[m]!)) m = l;
			if (r < items.length && before(items[r]!, items[m]!)) m = r;
			if (m === i) break;
			[items[i], items[m]] = [items[m]!, items[i]!];
			i = m;
		}
		return top;
	}
}

/** Earlier first; the same instant in id order, so the order never depends on insertion. */
const before = (a: HeapEntry, b: HeapEntry): boolean => a.due < b.due || (a.due === b.due && a.id < b.id);
