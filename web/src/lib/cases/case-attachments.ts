// The attachments of the signed-in person's case rooms: a chosen file is
// encrypted at once and its ciphertext kept in this browser
// (attachments/pending-store.ts) while its message waits in the outbox, which
// uploads it when its turn comes (the upload and release below are its
// transport's); downloads are decrypted here after their hash is checked.
// lib/matrix/case-attachments.ts is loaded lazily with the SDK, when the case
// rooms start — not on first use: a file chosen offline must still be queued.
import { err, ok, type Result } from '#policies/result.ts';
import { MAX_ATTACHMENT_BYTES } from '#policies/attachments/limits.ts';
import { pendingAttachments, type PendingAttachments } from '../attachments/pending-store.ts';
import type { Transfer } from '../attachments/transfer.ts';
import type { DownloadProblem } from '../matrix/case-attachments.ts';
import type { SendProblem, TimelineItem } from '../matrix/cases.ts';
import type { Failure } from '../matrix/failure.ts';
import type { MatrixClient } from '../matrix/sdk.ts';
import type { OutboxSender } from './outbox-sender.svelte.ts';
import { newTxnId, type OutboxEntry } from './outbox.ts';

type MatrixAttachments = typeof import('../matrix/case-attachments.ts');

export interface AttachedFile {
	readonly name: string;
	readonly type: string;
	readonly bytes: Uint8Array;
}

export class CaseAttachments {
	readonly #client: MatrixClient;
	readonly #outbox: OutboxSender;
	readonly #pending: PendingAttachments;
	#matrix: MatrixAttachments | undefined;

	constructor(client: MatrixClient, outbox: OutboxSender, pending: PendingAttachments = pendingAttachments()) {
		this.#client = client;
		this.#outbox = outbox;
		this.#pending = pending;
	}

	/** The Matrix side, once loaded (CaseRooms.start). */
	loaded(matrix: MatrixAttachments): void {
		this.#matrix = matrix;
	}

	get maxBytes(): number {
		return MAX_ATTACHMENT_BYTES;
	}

	/** Encrypts the file here and queues it: uploaded, then sent, when its turn comes — after the connection returns, too. */
	async attach(roomId: string, file: AttachedFile): Promise<Result<void, SendProblem | { readonly kind: 'not-ready' }>> {
		if (this.#matrix === undefined) return err({ kind: 'not-ready' });
		const prepared = await this.#matrix.prepareAttachment(file);
		if (!prepared.ok) return prepared;
		const txnId = newTxnId();
		try {
			await this.#pending.put(txnId, prepared.value.ciphertext);
		} catch (error) {
			return err({ kind: 'unexpected', detail: `this browser could not keep the file until it is sent: ${String(error)}` });
		}
		this.#outbox.enqueue(roomId, prepared.value.content, { txnId });
		return ok(undefined);
	}

	async download(
		item: Extract<TimelineItem, { kind: 'file' }>,
		onProgress: (transfer: Transfer) => void,
	): Promise<Result<Uint8Array, DownloadProblem | { readonly kind: 'not-ready' }>> {
		if (this.#matrix === undefined) return err({ kind: 'not-ready' });
		return this.#matrix.downloadAttachment(this.#client, item.file, (loaded, total) => onProgress({ loaded, total }));
	}

	/** For the outbox: uploads a queued attachment's stored ciphertext; 'missing' when this browser no longer has it. */
	async upload(
		entry: OutboxEntry,
		progress: (transfer: Transfer) => void,
	): Promise<Result<string, Failure | { readonly kind: 'missing' }>> {
		if (this.#matrix === undefined) return err({ kind: 'unreachable' });
		const ciphertext = await this.#pending.get(entry.txnId).catch(() => undefined);
		if (ciphertext === undefined) return err({ kind: 'missing' });
		return this.#matrix.uploadCiphertext(this.#client, ciphertext, (loaded, total) => progress({ loaded, total }));
	}

	/** For the outbox: the stored ciphertext is no longer needed (uploaded, or its message discarded). */
	release(txnId: string): void {
		void this.#pending.delete(txnId).catch(() => undefined);
	}
}
