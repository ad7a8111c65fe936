// The people a user marked present at a meeting, for the plenary exchange
// page (issue 12): per network, kept in the browser's session storage so that
// a reload during the plenary keeps them and closing the browser forgets
// them. NOTE: a stand-in for issue 13's plenary records, whose participant
// lists will give the same set of attendee keys (policies/directory/exchange).
import { SvelteSet } from 'svelte/reactivity';

const PREFIX = 'rogatory.exchange.present.';

function read(storage: Storage | undefined, network: string): string[] {
	try {
		const parsed: unknown = JSON.parse(storage?.getItem(PREFIX + network) ?? '[]');
		return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : [];
	} catch {
		return [];
	}
}

export class PresentMarks {
	readonly #storage: Storage | undefined;
	readonly #network: string;
	readonly #keys: SvelteSet<string>;

	constructor(storage: Storage | undefined, network: string) {
		this.#storage = storage;
		this.#network = network;
		this.#keys = new SvelteSet(read(storage, network));
	}

	/** The attendee keys marked present. */
	get keys(): ReadonlySet<string> {
		return this.#keys;
	}

	set(key: string, present: boolean): void {
		if (present) this.#keys.add(key);
		else this.#keys.delete(key);
		this.#save();
	}

	clear(): void {
		this.#keys.clear();
		this.#save();
	}

	#save(): void {
		try {
			if (this.#keys.size === 0) this.#storage?.removeItem(PREFIX + this.#network);
			else this.#storage?.setItem(PREFIX + this.#network, JSON.stringify([...this.#keys]));
		} catch {
			// A full or refused storage: the marks last as long as the page.
		}
	}
}
