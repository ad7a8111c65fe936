// Runs the keeper's rounds (keeper.ts), or a member bridge's (member.ts), until one leaves nothing to do: the
// first at once, another `retryMs` after each round that left something
// (a homeserver down, a linked room not created yet). One round at a time.
import type { RoundOutcome } from './keeper.ts';

/** The keeper (keeper.ts) or a member bridge (member.ts). */
export interface Rounds {
	round(): Promise<RoundOutcome>;
}

export class NetworkRoomsLoop {
	readonly #keeper: Rounds;
	readonly #retryMs: number;
	readonly #log: (line: string) => void;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#running: Promise<RoundOutcome | undefined> | undefined;
	#stopped = false;
	#done: (() => void) | undefined;
	/** Resolves once a round left nothing to do. */
	readonly done: Promise<void>;

	constructor(keeper: Rounds, retryMs: number, log: (line: string) => void) {
		this.#keeper = keeper;
		this.#retryMs = retryMs;
		this.#log = log;
		this.done = new Promise((resolve) => (this.#done = resolve));
	}

	start(): void {
		this.#round();
	}

	stop(): void {
		this.#stopped = true;
		if (this.#timer !== undefined) clearTimeout(this.#timer);
	}

	/** Resolves once the round in progress ended. */
	async settled(): Promise<void> {
		await this.#running;
	}

	#round(): void {
		if (this.#stopped || this.#running !== undefined) return;
		this.#running = this.#keeper
			.round()
			.catch((e: unknown) => {
				this.#log(`network: ${e instanceof Error ? e.message : String(e)} — will try again`);
				return undefined;
			})
			.then((outcome) => {
				this.#running = undefined;
				if (outcome?.done === true) this.#done?.();
				else if (!this.#stopped) {
					this.#timer = setTimeout(() => this.#round(), this.#retryMs);
					this.#timer.unref();
				}
				return outcome;
			});
	}
}
