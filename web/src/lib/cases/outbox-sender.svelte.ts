// The outbox of one signed-in person (outbox.ts has its rules): the list,
// reactive and kept in this browser's storage, and the sending — the next
// entry of each room, with its own transaction ID, again after a lost
// connection (soon, then less often, at once when the browser or the sync
// says the connection is back), held after a refusal until retried or
// discarded.
import type { Result } from '../../../../policies/result.ts';
import { CASE_KEY } from '../../../../policies/cases/index.ts';
import type { Failure } from '../matrix/failure.ts';
import {
	accepted,
	discarded,
	kindOf,
	newTxnId,
	nextToSend,
	parseOutbox,
	refused,
	retried,
	settled,
	statusChangePending,
	type OutboxEntry,
} from './outbox.ts';

const RETRY_MS = [2_000, 5_000, 10_000, 30_000] as const;

export interface OutboxTransport {
	/** Sends the entry with its transaction ID; resolves with the event ID the homeserver gave it. */
	send(entry: OutboxEntry): Promise<Result<string, Failure>>;
	/** The homeserver accepted an entry of the room. */
	accepted(roomId: string): void;
}

export class OutboxSender {
	readonly #key: string;
	readonly #storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
	// Replaced whole on every change, never mutated.
	#entries = $state.raw<readonly OutboxEntry[]>([]);
	// Bookkeeping the UI never reads: a plain set.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #inFlight = new Set<string>();
	#transport: OutboxTransport | undefined;
	#retries = 0;
	#retryTimer: ReturnType<typeof setTimeout> | undefined;
	#stopped = false;

	constructor(key: string, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined) {
		this.#key = key;
		this.#storage = storage;
		this.#entries = parseOutbox(storage?.getItem(key) ?? null);
	}

	/** What waits for a room: queued, on its way, or refused. */
	forRoom(roomId: string): readonly OutboxEntry[] {
		return this.#entries.filter((entry) => entry.roomId === roomId);
	}

	/** How many entries the homeserver has not accepted yet, all rooms together. */
	get unsent(): number {
		return this.#entries.filter((entry) => entry.eventId === undefined).length;
	}

	/** Whether a status change of the room is still on its way (the next one must follow it). */
	statusChangePending(roomId: string): boolean {
		return statusChangePending(this.#entries, roomId);
	}

	/** Starts sending (and sends what an earlier page left). */
	start(transport: OutboxTransport): void {
		this.#transport = transport;
		this.#kick();
	}

	stop(): void {
		this.#stopped = true;
		if (this.#retryTimer !== undefined) clearTimeout(this.#retryTimer);
	}

	enqueue(roomId: string, content: Readonly<Record<string, unknown>>): void {
		this.#set([...this.#entries, { txnId: newTxnId(), roomId, kind: kindOf(content, CASE_KEY), content, queuedAt: Date.now() }]);
		this.#retries = 0;
		this.#kick();
	}

	/** Tries a refused entry again, with its transaction ID. */
	retry(txnId: string): void {
		this.#set(retried(this.#entries, txnId));
		this.#kick();
	}

	/** Gives up an entry the homeserver has not accepted. */
	discard(txnId: string): void {
		this.#set(discarded(this.#entries, txnId));
		this.#kick();
	}

	/** Drops the room's entries that the room now shows as the server sent them back. */
	settle(roomId: string, echoed: (eventId: string, txnId: string) => boolean): void {
		const left = settled(this.#entries, roomId, echoed);
		if (left !== this.#entries) this.#set(left);
	}

	/** The connection is back (or may be): try now. */
	retryNow(): void {
		if (this.#retryTimer !== undefined) clearTimeout(this.#retryTimer);
		this.#retryTimer = undefined;
		this.#kick();
	}

	#set(entries: readonly OutboxEntry[]): void {
		this.#entries = entries;
		try {
			this.#storage?.setItem(this.#key, JSON.stringify(entries));
		} catch {
			// Storage full or refused: the queue still lives in this page.
		}
	}

	/** Sends the next entry of each room, unless one is already on its way. */
	#kick(): void {
		const transport = this.#transport;
		if (transport === undefined || this.#stopped) return;
		for (const entry of nextToSend(this.#entries)) {
			if (this.#inFlight.has(entry.txnId)) continue;
			this.#inFlight.add(entry.txnId);
			void transport.send(entry).then((sent) => {
				this.#inFlight.delete(entry.txnId);
				if (sent.ok) {
					this.#retries = 0;
					this.#set(accepted(this.#entries, entry.txnId, sent.value));
					transport.accepted(entry.roomId);
					this.#kick();
				} else if (sent.error.kind === 'refused' && sent.error.status !== undefined && sent.error.status < 500) {
					this.#set(refused(this.#entries, entry.txnId, `${sent.error.errcode ?? sent.error.status} ${sent.error.detail}`));
					this.#kick();
				} else {
					this.#retryLater();
				}
			});
		}
	}

	#retryLater(): void {
		if (this.#retryTimer !== undefined || this.#stopped) return;
		const wait = RETRY_MS[Math.min(this.#retries, RETRY_MS.length - 1)]!;
		this.#retries += 1;
		this.#retryTimer = setTimeout(() => this.retryNow(), wait);
	}
}
