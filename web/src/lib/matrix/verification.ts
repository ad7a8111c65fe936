// One interactive verification, folded from the SDK's request and verifier
// events into one plain state the view models show. Between two sessions of
// the same person (the new browser asks, requestOwnUserVerification; a
// verified session accepts) the side that asked starts the emoji exchange
// (SAS, spec: "Short Authentication String (SAS) verification") as soon as
// both are ready. Between two people (user-verification.ts, `choose`), the
// ready request waits for a choice instead: compare emoji, or show one's QR
// code (spec: "QR codes") and scan, or paste, the other's; the side whose
// code was scanned then confirms that the other screen shows success
// (VerifierEvent.ShowReciprocateQr).
import { err, ok, type Result } from '#policies/result.ts';
import { describeFailure, type Failure } from './failure.ts';
import { qrPayloadProblem } from './qr-payload.ts';
import {
	CryptoEvent,
	VerificationPhase,
	VerificationRequestEvent,
	VerifierEvent,
	type EmojiMapping,
	type MatrixClient,
	type ShowQrCodeCallbacks,
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
	/**
	 * Both accepted, between two people: the person chooses emoji or QR. `qr`:
	 * this side's code to show (undefined when the other side cannot scan one).
	 */
	| { readonly kind: 'ready'; readonly qr: Uint8ClampedArray | undefined }
	/** Both accepted; the emoji are being worked out. */
	| { readonly kind: 'starting' }
	/** The other side scanned this side's code: the person checks that the other screen shows success. */
	| { readonly kind: 'qr-scanned' }
	/** This side scanned (or pasted) the other's code: waiting for them to confirm. */
	| { readonly kind: 'qr-reciprocating' }
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

export type ScanProblem = 'not-a-code' | 'refused';

export interface VerificationOptions {
	/** Between two people: once ready, wait for the person to choose emoji or QR instead of starting the emoji. */
	readonly choose?: boolean;
}

export class SasVerification {
	readonly #request: VerificationRequest;
	readonly #onChange: (state: SasState) => void;
	readonly #choose: boolean;
	#verifier: Verifier | undefined;
	#sas: ShowSasCallbacks | undefined;
	#reciprocate: ShowQrCodeCallbacks | undefined;
	#confirmed = false;
	#starting = false;
	#qr: Promise<void> | undefined;
	#state: SasState;

	constructor(request: VerificationRequest, onChange: (state: SasState) => void, options: VerificationOptions = {}) {
		this.#request = request;
		this.#onChange = onChange;
		this.#choose = options.choose === true;
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

	/** Between two people, once ready: compare emoji. */
	startEmoji(): void {
		if (this.#starting || this.#request.phase !== VerificationPhase.Ready) return;
		this.#starting = true;
		this.#set({ kind: 'starting' });
		this.#request.startVerification('m.sas.v1').then(this.#attach, () => {});
	}

	/** Between two people, once ready: the other side's code, scanned or pasted. */
	async scanQr(bytes: Uint8Array): Promise<Result<void, ScanProblem>> {
		if (qrPayloadProblem(bytes) !== undefined) return err('not-a-code');
		try {
			const verifier = await this.#request.scanQRCode(new Uint8ClampedArray(bytes));
			this.#set({ kind: 'qr-reciprocating' });
			this.#attach(verifier);
			return ok(undefined);
		} catch {
			return err('refused');
		}
	}

	/** The other screen shows success after scanning this side's code. */
	confirmScanned(): void {
		this.#reciprocate?.confirm();
		this.#set({ kind: 'confirmed' });
	}

	/** The other screen does not show success: the verification is cancelled. */
	denyScanned(): void {
		this.#reciprocate?.cancel();
	}

	cancel(): void {
		if (this.#request.phase === VerificationPhase.Done || this.#request.phase === VerificationPhase.Cancelled) return;
		void this.#request.cancel().catch(() => {});
	}

	dispose(): void {
		this.#request.off(VerificationRequestEvent.Change, this.#update);
		this.#verifier?.off(VerifierEvent.ShowSas, this.#onSas);
		this.#verifier?.off(VerifierEvent.ShowReciprocateQr, this.#onReciprocate);
	}

	readonly #update = (): void => {
		const request = this.#request;
		switch (request.phase) {
			case VerificationPhase.Ready:
				if (this.#choose) {
					if (!this.#starting) this.#offerQr();
					return;
				}
				if (request.initiatedByMe && !this.#starting) {
					// The side that asked starts the emoji exchange.
					this.#starting = true;
					request.startVerification('m.sas.v1').then(this.#attach, () => {});
				}
				return this.#set({ kind: 'starting' });
			case VerificationPhase.Started:
				if (request.verifier !== undefined) this.#attach(request.verifier);
				{
					// NOTE: the QR verifier says it was scanned by a change event, not by ShowReciprocateQr, once attached.
					const scanned = this.#verifier?.getReciprocateQrCodeCallbacks();
					if (scanned !== undefined && scanned !== null) this.#onReciprocate(scanned);
				}
				if (this.#sas === undefined && this.#reciprocate === undefined && this.#state.kind !== 'qr-reciprocating')
					this.#set({ kind: 'starting' });
				return;
			case VerificationPhase.Done:
				return this.#set({ kind: 'done' });
			case VerificationPhase.Cancelled:
				return this.#set({ kind: 'cancelled', reason: cancelReasonOf(request.cancellationCode) });
			default:
				return;
		}
	};

	/** Ready between two people: the choice, with this side's QR code once worked out. */
	#offerQr(): void {
		if (this.#state.kind === 'ready' || this.#qr !== undefined) return;
		this.#set({ kind: 'ready', qr: undefined });
		this.#qr = this.#request.generateQRCode().then(
			(qr) => {
				if (this.#state.kind === 'ready' && qr !== undefined) this.#set({ kind: 'ready', qr });
			},
			() => {},
		);
	}

	readonly #attach = (verifier: Verifier): void => {
		if (this.#verifier !== undefined) return;
		this.#verifier = verifier;
		verifier.on(VerifierEvent.ShowSas, this.#onSas);
		verifier.on(VerifierEvent.ShowReciprocateQr, this.#onReciprocate);
		const shown = verifier.getShowSasCallbacks();
		if (shown !== null) this.#onSas(shown);
		const scanned = verifier.getReciprocateQrCodeCallbacks();
		if (scanned !== null) this.#onReciprocate(scanned);
		// Resolves when done, rejects when cancelled: the request's phase says which.
		verifier.verify().catch(() => {});
	};

	readonly #onSas = (sas: ShowSasCallbacks): void => {
		this.#sas = sas;
		if (!this.#confirmed && sas.sas.emoji !== undefined) this.#set({ kind: 'compare', emoji: sas.sas.emoji });
	};

	readonly #onReciprocate = (callbacks: ShowQrCodeCallbacks): void => {
		if (this.#reciprocate !== undefined) return;
		this.#reciprocate = callbacks;
		this.#set({ kind: 'qr-scanned' });
	};

	#set(state: SasState): void {
		if (sameState(state, this.#state)) return;
		// Once done or cancelled, stay so.
		if (this.#state.kind === 'done' || this.#state.kind === 'cancelled') return;
		this.#state = state;
		this.#onChange(state);
	}
}

function sameState(a: SasState, b: SasState): boolean {
	if (a.kind === 'ready' && b.kind === 'ready') return a.qr === b.qr;
	return JSON.stringify(a) === JSON.stringify(b);
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
