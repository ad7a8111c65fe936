// Verifying this device with another session of the same person by comparing
// emoji (SAS, spec: "Short Authentication String (SAS) verification"). Either
// side can be here: the new browser asks (requestOwnUserVerification), a
// verified session accepts. The SDK's request/verifier events are folded into
// one plain state the view model shows; the new side starts the emoji
// exchange once both are ready.
import { err, ok, type Result } from '#policies/result.ts';
import { describeFailure, type Failure } from './failure.ts';
import {
	CryptoEvent,
	VerificationPhase,
	VerificationRequestEvent,
	VerifierEvent,
	type EmojiMapping,
	type MatrixClient,
	type ShowSasCallbacks,
	type VerificationRequest,
	type Verifier,
} from './sdk.ts';

export type CancelReason = 'mismatch' | 'timeout' | 'declined' | 'other';

export type SasState =
	/** We asked; waiting for another session to accept. */
	| { readonly kind: 'requested' }
	/** Another session asks us; waiting for the person to accept. */
	| { readonly kind: 'incoming'; readonly otherDeviceId: string | undefined }
	/** Both accepted; the emoji are being worked out. */
	| { readonly kind: 'starting' }
	/** Both screens show these seven emoji ([symbol, English name]); the person compares. */
	| { readonly kind: 'compare'; readonly emoji: readonly EmojiMapping[] }
	/** The person said they match; waiting for the other side to say so too. */
	| { readonly kind: 'confirmed' }
	| { readonly kind: 'done' }
	| { readonly kind: 'cancelled'; readonly reason: CancelReason };

/** What a cancellation code (spec: "m.key.verification.cancel") means for the person. */
export function cancelReasonOf(code: string | null): CancelReason {
	switch (code) {
		case 'm.mismatched_sas':
		case 'm.key_mismatch':
		case 'm.user_mismatch':
			return 'mismatch';
		case 'm.timeout':
			return 'timeout';
		case 'm.user':
			return 'declined';
		default:
			return 'other';
	}
}

export class SasVerification {
	readonly #request: VerificationRequest;
	readonly #onChange: (state: SasState) => void;
	#verifier: Verifier | undefined;
	#sas: ShowSasCallbacks | undefined;
	#confirmed = false;
	#starting = false;
	#state: SasState;

	constructor(request: VerificationRequest, onChange: (state: SasState) => void) {
		this.#request = request;
		this.#onChange = onChange;
		this.#state = request.initiatedByMe ? { kind: 'requested' } : { kind: 'incoming', otherDeviceId: request.otherDeviceId };
		request.on(VerificationRequestEvent.Change, this.#update);
		this.#update();
	}

	get state(): SasState {
		return this.#state;
	}

	/** True when this browser asked for the verification (it is the one verified); false when it vouches for another. */
	get initiatedByMe(): boolean {
		return this.#request.initiatedByMe;
	}

	/** Accepts an incoming request. */
	async accept(): Promise<Result<void, Failure>> {
		try {
			await this.#request.accept();
			return ok(undefined);
		} catch (error) {
			return err(describeFailure(error));
		}
	}

	/** The emoji match: say so to the other side. */
	async confirm(): Promise<Result<void, Failure>> {
		const sas = this.#sas;
		if (sas === undefined) return ok(undefined);
		this.#confirmed = true;
		this.#set({ kind: 'confirmed' });
		try {
			await sas.confirm();
			return ok(undefined);
		} catch (error) {
			return err(describeFailure(error));
		}
	}

	/** The emoji differ: someone may be in between; the verification is cancelled on both sides. */
	mismatch(): void {
		this.#sas?.mismatch();
	}

	cancel(): void {
		if (this.#request.phase === VerificationPhase.Done || this.#request.phase === VerificationPhase.Cancelled) return;
		void this.#request.cancel().catch(() => {});
	}

	dispose(): void {
		this.#request.off(VerificationRequestEvent.Change, this.#update);
		this.#verifier?.off(VerifierEvent.ShowSas, this.#onSas);
	}

	readonly #update = (): void => {
		const request = this.#request;
		switch (request.phase) {
			case VerificationPhase.Ready:
				if (request.initiatedByMe && !this.#starting) {
					// The side that asked starts the emoji exchange.
					this.#starting = true;
					request.startVerification('m.sas.v1').then(this.#attach, () => {});
				}
				return this.#set({ kind: 'starting' });
			case VerificationPhase.Started:
				if (request.verifier !== undefined) this.#attach(request.verifier);
				if (this.#sas === undefined) this.#set({ kind: 'starting' });
				return;
			case VerificationPhase.Done:
				return this.#set({ kind: 'done' });
			case VerificationPhase.Cancelled:
				return this.#set({ kind: 'cancelled', reason: cancelReasonOf(request.cancellationCode) });
			default:
				return;
		}
	};

	readonly #attach = (verifier: Verifier): void => {
		if (this.#verifier !== undefined) return;
		this.#verifier = verifier;
		verifier.on(VerifierEvent.ShowSas, this.#onSas);
		const shown = verifier.getShowSasCallbacks();
		if (shown !== null) this.#onSas(shown);
		// Resolves when done, rejects when cancelled: the request's phase says which.
		verifier.verify().catch(() => {});
	};

	readonly #onSas = (sas: ShowSasCallbacks): void => {
		this.#sas = sas;
		if (!this.#confirmed && sas.sas.emoji !== undefined) this.#set({ kind: 'compare', emoji: sas.sas.emoji });
	};

	#set(state: SasState): void {
		if (JSON.stringify(state) === JSON.stringify(this.#state)) return;
		// Once done or cancelled, stay so.
		if (this.#state.kind === 'done' || this.#state.kind === 'cancelled') return;
		this.#state = state;
		this.#onChange(state);
	}
}

/** Asks the person's other sessions to verify this one. */
export async function requestOwnVerification(client: MatrixClient): Promise<Result<VerificationRequest, Failure>> {
	const crypto = client.getCrypto();
	if (crypto === undefined) return err({ kind: 'unexpected', detail: 'the client was started without crypto' });
	try {
		return ok(await crypto.requestOwnUserVerification());
	} catch (error) {
		return err(describeFailure(error));
	}
}

/** Calls `onRequest` for each request from another session of the same person. Returns the unsubscribe function. */
/** Declines a request the page cannot take now (another is on screen, or this session may not vouch). */
export function declineVerification(request: VerificationRequest): void {
	void request.cancel().catch(() => {});
}

export function watchOwnVerificationRequests(client: MatrixClient, onRequest: (request: VerificationRequest) => void): () => void {
	const listener = (request: VerificationRequest): void => {
		if (request.isSelfVerification && !request.initiatedByMe) onRequest(request);
	};
	client.on(CryptoEvent.VerificationRequestReceived, listener);
	return () => client.off(CryptoEvent.VerificationRequestReceived, listener);
}

/**
 * After verifying with another session, that session sends the key-backup key
 * (secret sharing); once it is here, the backup is enabled and restored so
 * that earlier messages become readable. Returns the unsubscribe function.
 */
export function restoreBackupWhenKeyArrives(client: MatrixClient, onRestored: (imported: number, total: number) => void): () => void {
	const crypto = client.getCrypto();
	if (crypto === undefined) return () => {};
	let done = false;
	const restore = async (): Promise<void> => {
		if (done || (await crypto.getSessionBackupPrivateKey()) === null) return;
		done = true;
		try {
			await crypto.checkKeyBackupAndEnable();
			const result = await crypto.restoreKeyBackup();
			onRestored(result.imported, result.total);
		} catch {
			// The SDK keeps fetching keys from the backup as messages need them.
		}
	};
	const listener = (): void => void restore();
	client.on(CryptoEvent.KeyBackupDecryptionKeyCached, listener);
	void restore();
	return () => client.off(CryptoEvent.KeyBackupDecryptionKeyCached, listener);
}
