// The bot answers verification requests from its own authority's
// administrators (bot-verifiers.ts) and cancels everyone else's (issue 12,
// "The bridge's identity appears as its authority's bot, verified by that
// authority's administrator"). A bot cannot compare emoji, so it SHOWS a QR
// code (spec: "QR codes", mode 0x01, verifying another user): it accepts,
// generates the code and writes it, as the base64 text the web app's "paste
// the code" box takes, into its secrets directory (secret-files.ts, mode
// 0600). The administrator, who has a shell on the authority's server, reads
// it (`rogatory bridge verification-code`) and pastes it; their browser then
// sends the reciprocation with the code's shared secret, which the crypto
// checks — the secret could only have been read on the bridge's host — and
// the bot confirms. The file goes when the verification ends, is cancelled,
// or after ten minutes (the spec's timeout); the code itself is never logged.
// One verification at a time: a second request meanwhile is cancelled.
import type * as sdk from 'matrix-js-sdk';
import {
	CryptoEvent,
	VerificationPhase,
	VerificationRequestEvent,
	VerifierEvent,
	type ShowQrCodeCallbacks,
	type VerificationRequest,
	type Verifier,
} from 'matrix-js-sdk/lib/crypto-api/index.js';
import { mayVerifyBot, type BotVerifiers } from './bot-verifiers.ts';
import type { SecretFiles } from './secret-files.ts';

/** The spec's timeout for a verification request (and so for the code shown). */
export const CODE_LIFETIME_MS = 10 * 60 * 1000;

export interface BotVerificationOptions {
	readonly client: sdk.MatrixClient;
	readonly verifiers: BotVerifiers;
	readonly secrets: SecretFiles;
	readonly log: (line: string) => void;
}

export class BotVerification {
	readonly #options: BotVerificationOptions;
	#current: VerificationRequest | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#written = false;
	#confirmed = false;
	#verifier: Verifier | undefined;

	constructor(options: BotVerificationOptions) {
		this.#options = options;
	}

	start(): void {
		// A code left by a process that stopped is no one's: its request died with that process's crypto session.
		this.#options.secrets.removeVerificationCode();
		this.#options.client.on(CryptoEvent.VerificationRequestReceived, this.#onRequest);
	}

	stop(): void {
		this.#options.client.off(CryptoEvent.VerificationRequestReceived, this.#onRequest);
		this.#end();
	}

	readonly #onRequest = (request: VerificationRequest): void => {
		const { log } = this.#options;
		const who = request.otherUserId;
		if (request.initiatedByMe) return;
		if (request.isSelfVerification) {
			log(`cancelled a verification request from another device of the bot's own account (${request.otherDeviceId ?? 'unknown'})`);
			return void request.cancel().catch(() => {});
		}
		const allowed = mayVerifyBot(who, this.#options.verifiers);
		if (!allowed.ok) {
			log(`cancelled a verification request from ${who}: ${allowed.error}`);
			return void request.cancel().catch(() => {});
		}
		if (this.#current !== undefined) {
			log(`cancelled a verification request from ${who}: another verification of the bot is under way`);
			return void request.cancel().catch(() => {});
		}
		log(`accepting a verification request from ${who}, an authority-administrator of ${this.#options.verifiers.authority}`);
		this.#current = request;
		this.#confirmed = false;
		request.on(VerificationRequestEvent.Change, this.#onChange);
		this.#timer = setTimeout(() => {
			log(`the verification with ${who} expired after ${CODE_LIFETIME_MS / 60_000} minutes: cancelled`);
			void request.cancel({ reason: 'The code expired', code: 'm.timeout' }).catch(() => {});
			this.#end();
		}, CODE_LIFETIME_MS);
		void this.#accept(request);
	};

	async #accept(request: VerificationRequest): Promise<void> {
		const { log } = this.#options;
		try {
			// NOTE: the crypto knows the administrator's keys (their master key goes into the code) only from an encrypted
			// room it shares with them (a case room, the directory room); otherwise generating the code fails, and says so.
			await request.accept();
		} catch (e) {
			log(`could not accept the verification request from ${request.otherUserId}: ${e instanceof Error ? e.message : String(e)}`);
			void request.cancel().catch(() => {});
			this.#end();
		}
	}

	readonly #onChange = (): void => {
		const request = this.#current;
		if (request === undefined) return;
		switch (request.phase) {
			case VerificationPhase.Ready:
				if (!this.#written) void this.#showCode(request);
				return;
			case VerificationPhase.Started: {
				const verifier = request.verifier;
				if (verifier === undefined || verifier === this.#verifier) return;
				this.#verifier = verifier;
				if (verifier.getShowSasCallbacks() !== null || request.chosenMethod === 'm.sas.v1') {
					this.#options.log(`cancelled the verification with ${request.otherUserId}: the bot cannot compare emoji, only show its code`);
					void request.cancel().catch(() => {});
					return;
				}
				verifier.on(VerifierEvent.ShowReciprocateQr, this.#onReciprocate);
				const scanned = verifier.getReciprocateQrCodeCallbacks();
				if (scanned !== null) this.#onReciprocate(scanned);
				verifier.verify().catch(() => {});
				return;
			}
			case VerificationPhase.Done:
				this.#options.log(`verified by ${request.otherUserId}: the verification is done`);
				return this.#end();
			case VerificationPhase.Cancelled:
				this.#options.log(`the verification with ${request.otherUserId} was cancelled (${request.cancellationCode ?? 'no code'})`);
				return this.#end();
			default:
				return;
		}
	};

	async #showCode(request: VerificationRequest): Promise<void> {
		const { log, secrets } = this.#options;
		this.#written = true;
		try {
			const bytes = await request.generateQRCode();
			if (bytes === undefined) throw new Error('the crypto made no QR code (the other side cannot scan one)');
			if (this.#current !== request) return;
			secrets.writeVerificationCode(Buffer.from(bytes).toString('base64'));
			log(
				`the code for ${request.otherUserId} to paste is in ${secrets.verificationCodePath} (\`rogatory bridge verification-code\` prints it); it expires in ${CODE_LIFETIME_MS / 60_000} minutes`,
			);
		} catch (e) {
			log(`cancelled the verification with ${request.otherUserId}: ${e instanceof Error ? e.message : String(e)}`);
			void request.cancel().catch(() => {});
			this.#end();
		}
	}

	/** The crypto emits this only once the scanner's reciprocation carried the code's secret. */
	readonly #onReciprocate = (callbacks: ShowQrCodeCallbacks): void => {
		if (this.#confirmed) return;
		this.#confirmed = true;
		this.#options.log(`${this.#current?.otherUserId ?? 'the administrator'} read the bot's code (its secret matched): confirming`);
		callbacks.confirm();
	};

	#end(): void {
		if (this.#timer !== undefined) clearTimeout(this.#timer);
		this.#timer = undefined;
		this.#current?.off(VerificationRequestEvent.Change, this.#onChange);
		this.#verifier?.off(VerifierEvent.ShowReciprocateQr, this.#onReciprocate);
		this.#verifier = undefined;
		this.#current = undefined;
		this.#written = false;
		this.#options.secrets.removeVerificationCode();
	}
}
