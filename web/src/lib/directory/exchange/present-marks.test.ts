import { describe, expect, it } from 'vitest';
import { PresentMarks } from './present-marks.svelte.ts';

class MemoryStorage implements Storage {
	readonly #items = new Map<string, string>();
	get length(): number {
		return this.#items.size;
	}
	clear(): void {
		this.#items.clear();
	}
	getItem(key: string): string | null {
		return this.#items.get(key) ?? null;
	}
	key(index: number): string | null {
		return [...this.#items.keys()][index] ?? null;
	}
	removeItem(key: string): void {
		this.#items.delete(key);
	}
	setItem(key: string, value: string): void {
		this.#items.set(key, value);
	}
}

describe('PresentMarks', () => {
	it('keeps the marks of each network for the next page of the session', () => {
		const storage = new MemoryStorage();
		const refco = new PresentMarks(storage, 'REFCO');
		refco.set('gt-mp @ana:gt', true);
		refco.set('gt-mp @lucia:gt', true);
		refco.set('gt-mp @ana:gt', false);
		expect([...new PresentMarks(storage, 'REFCO').keys]).toEqual(['gt-mp @lucia:gt']);
		expect(new PresentMarks(storage, 'CASC').keys.size).toBe(0);
		refco.clear();
		expect(storage.length).toBe(0);
	});
	it('starts empty from a stored value it cannot read', () => {
		const storage = new MemoryStorage();
		storage.setItem('rogatory.exchange.present.REFCO', '{not json');
		expect(new PresentMarks(storage, 'REFCO').keys.size).toBe(0);
		expect(new PresentMarks(undefined, 'REFCO').keys.size).toBe(0);
	});
});
