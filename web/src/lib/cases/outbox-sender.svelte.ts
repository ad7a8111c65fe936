// The outbox of one signed-in person (outbox.ts has its rules): the list,
// reactive and kept in this browser's storage, and the sending — the next
// entry of each room, with its own transaction ID, again after a lost
// connection (soon, then less often, at once when the browser or the sync
// says the connection is back), held after a refusal until retried or
// discarded. An attachment is uploaded first, when its turn comes, with its
// progress shown; then its event goes like any other. Before an entry goes,
// the transport may hold it (not caught up with the homeserver yet) or
// refuse it (a status change the case has moved past while offline).
import type { Result } from '#policies/result.ts';
import { CASE_KEY } from '#policies/cases/index.ts';
import type { Failure } from '../matrix/failure.ts';
import type { Transfer } from '../attachments/transfer.ts';
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
	caseEventPending,
	uploaded,
	type OutboxEntry,
	type Refusal,
} from './outbox.ts';

const RETRY_MS = [2_000, 5_000, 10_000, 30_000] as const;

/** What the transport says of an entry about to be sent. */
export type SendCheck =
	| { readonly kind: 'send' }
	| { readonly kind: 'wait' }
	| { readonly kind: 'refuse'; readonly refusal: Refusal }
	/** The room already holds what it says (an acknowledgement the viewer made before a reload): it leaves the queue unsent. */
	| { readonly kind: 'said' };

export interface OutboxTransport {
	/**
	 * Whether the entry may go now: `wait` until the homeserver has been caught
	 * up with (tried again when the connection returns), `refuse` for good.
	 * Without it every entry goes.
	 */
	check?(entry: OutboxEntry): Promise<SendCheck>;
	/** Sends the entry with its transaction ID; resolves with the event ID the homeserver gave it. */
	send(entry: OutboxEntry): Promise<Result<string, Failure>>;
	/** The homeserver accepted an entry of the room. */
	accepted(roomId: string): void;
	/** Uploads a queued attachment's ciphertext; resolves with its mxc URL, or 'missing' when this browser lost it. */
	upload(entry: OutboxEntry, progress: (transfer: Transfer) => void): Promise<Result<string, Failure | { readonly kind: 'missing' }>>;
	/** The attachment's ciphertext is no longer needed here (uploaded, or its message discarded). */
	release(txnId: string): void;
}

export class OutboxSender {
	readonly #key: string;
	readonly #storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
	// Replaced whole on every change, never mutated.
	#entries = $state.raw<readonly OutboxEntry[]>([]);
	#uploads = $state.raw<Readonly<Record<string, Transfer>>>({});
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

	/** How far a queued attachment's upload has come, while it is uploading. */
	uploadOf(txnId: string): Transfer | undefined {
		return this.#uploads[txnId];
	}

	/** How many entries the homeserver has not accepted yet, all rooms together. */
	get unsent(): number {
		return this.#entries.filter((entry) => entry.eventId === undefined).length;
	}

	/** Whether a status change of the room is still on its way (the next one must follow it). */
	statusChangePending(roomId: string): boolean {
		return statusChangePending(this.#entries, roomId);
	}

	/** Whether a case event of `type` waits for the room. */
	caseEventPending(roomId: string, caseKey: string, type: string): boolean {
		return caseEventPending(this.#entries, roomId, caseKey, type);
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

	/** Queues a message; an attachment's comes with the transaction ID its stored ciphertext is kept under. */
	enqueue(roomId: string, content: Readonly<Record<string, unknown>>, upload?: { readonly txnId: string }): void {
		const entry: OutboxEntry = {
			txnId: upload?.txnId ?? newTxnId(),
			roomId,
			kind: kindOf(content, CASE_KEY),
			content,
			queuedAt: Date.now(),
			...(upload === undefined ? {} : { upload: true as const }),
		};
		this.#set([...this.#entries, entry]);
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
		const entry = this.#entries.find((e) => e.txnId === txnId);
		this.#set(discarded(this.#entries, txnId));
		if (entry?.upload === true && entry.eventId === undefined) this.#transport?.release(txnId);
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
			if (entry.upload === true) void this.#upload(transport, entry);
			else void this.#send(transport, entry);
		}
	}

	async #send(transport: OutboxTransport, entry: OutboxEntry): Promise<void> {
		const check = (await transport.check?.(entry)) ?? { kind: 'send' };
		// Discarded, or seen in the room (its answer was lost), while it was checked.
		const still = this.#entries.some((e) => e.txnId === entry.txnId && e.eventId === undefined && e.refused === undefined);
		if (check.kind !== 'send' || !still) {
			this.#inFlight.delete(entry.txnId);
			if (!still) this.#kick();
			else if (check.kind === 'refuse') {
				this.#set(refused(this.#entries, entry.txnId, check.refusal));
				this.#kick();
			} else if (check.kind === 'said') {
				this.#set(discarded(this.#entries, entry.txnId));
				this.#kick();
			} else this.#retryLater();
			return;
		}
		const sent = await transport.send(entry);
		this.#inFlight.delete(entry.txnId);
		if (sent.ok) {
			this.#retries = 0;
			this.#set(accepted(this.#entries, entry.txnId, sent.value));
			transport.accepted(entry.roomId);
			this.#kick();
		} else this.#failed(entry, sent.error);
	}

	async #upload(transport: OutboxTransport, entry: OutboxEntry): Promise<void> {
		this.#uploads = { ...this.#uploads, [entry.txnId]: { loaded: 0, total: undefined } };
		const done = await transport.upload(entry, (transfer) => {
			if (this.#uploads[entry.txnId] !== undefined) this.#uploads = { ...this.#uploads, [entry.txnId]: transfer };
		});
		const { [entry.txnId]: _finished, ...rest } = this.#uploads;
		this.#uploads = rest;
		this.#inFlight.delete(entry.txnId);
		if (!this.#entries.some((e) => e.txnId === entry.txnId)) return; // discarded meanwhile
		if (done.ok) {
			this.#retries = 0;
			this.#set(uploaded(this.#entries, entry.txnId, done.value));
			transport.release(entry.txnId);
			this.#kick();
		} else if (done.error.kind === 'missing') {
			this.#set(refused(this.#entries, entry.txnId, { kind: 'file-missing' }));
			this.#kick();
		} else this.#failed(entry, done.error);
	}

	/** A refusal (4xx) holds the entry until retried or discarded; anything else is tried again later. */
	#failed(entry: OutboxEntry, failure: Failure): void {
		if (failure.kind === 'refused' && failure.status !== undefined && failure.status < 500) {
			// NOTE: only the status is kept and shown; the homeserver's words are for the console (issue 11).
			console.debug('[outbox] refused', entry.txnId, failure.errcode, failure.detail);
			this.#set(refused(this.#entries, entry.txnId, { kind: 'homeserver', status: failure.status }));
			this.#kick();
		} else this.#retryLater();
	}

	#retryLater(): void {
		if (this.#retryTimer !== undefined || this.#stopped) return;
		const wait = RETRY_MS[Math.min(this.#retries, RETRY_MS.length - 1)]!;
		this.#retries += 1;
		this.#retryTimer = setTimeout(() => this.retryNow(), wait);
	}
}
