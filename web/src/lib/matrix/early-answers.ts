// Answers asked ahead. While the crypto's WebAssembly downloads — seconds on
// a slow line — the client cannot start, but some of what it will ask as it
// starts is already known: its push rules, which its sync waits for before
// making its filter and its first request. Asked early, such an answer is
// handed to the first identical GET the client then makes (same URL, same
// token), once: one round trip less after the WebAssembly. NOTE: an answer
// is handed over only while it is young (EARLY_KEEP_MS after it came), and a
// write under the same path (a push rule changed) drops it, so the client
// never starts from something it has since changed; a request that failed
// is not kept — the client asks again itself.

/** How long after it came an early answer may still be handed over. */
export const EARLY_KEEP_MS = 30_000;

interface Kept {
	readonly path: string;
	/** When the answer came (undefined while it is on its way). */
	at: number | undefined;
	readonly answer: Promise<Response>;
}

const keyOf = (url: string, headers: HeadersInit | undefined): string =>
	JSON.stringify([new URL(url).href, new Headers(headers).get('Authorization') ?? '']);

const urlOf = (input: RequestInfo | URL): string => (input instanceof Request ? input.url : input.toString());

export class EarlyAnswers {
	readonly #fetch: typeof fetch;
	readonly #now: () => number;
	readonly #kept = new Map<string, Kept>();

	constructor(fetchImpl: typeof fetch, now: () => number = () => performance.now()) {
		this.#fetch = fetchImpl;
		this.#now = now;
	}

	/** Asks `url` now; its answer waits for the client's own GET of it. */
	ask(url: string, headers: HeadersInit): void {
		const key = keyOf(url, headers);
		const entry: Kept = {
			path: new URL(url).pathname.replace(/\/$/, ''),
			at: undefined,
			answer: this.#fetch(url, { method: 'GET', headers }),
		};
		this.#kept.set(key, entry);
		entry.answer.then(
			() => (entry.at = this.#now()),
			() => {
				if (this.#kept.get(key) === entry) this.#kept.delete(key);
			},
		);
	}

	/** The client's fetch: an identical GET takes the early answer; anything else goes out. */
	readonly fetch: typeof fetch = (input, init) => {
		const url = urlOf(input);
		const method = (init?.method ?? 'GET').toUpperCase();
		if (method !== 'GET') {
			const path = URL.parse(url)?.pathname ?? '';
			for (const [key, kept] of this.#kept) if (path.startsWith(kept.path)) this.#kept.delete(key);
			return this.#fetch(input, init);
		}
		if (this.#kept.size === 0 || URL.parse(url) === null) return this.#fetch(input, init);
		const key = keyOf(url, init?.headers);
		const kept = this.#kept.get(key);
		if (kept === undefined) return this.#fetch(input, init);
		this.#kept.delete(key);
		if (kept.at !== undefined && this.#now() - kept.at > EARLY_KEEP_MS) return this.#fetch(input, init);
		// Still on its way, or young: the client waits for it rather than asking again; one that fails is asked again.
		return kept.answer.catch(() => this.#fetch(input, init));
	};
}
