// View model of one verification with another person: the request, the
// choice of emoji or QR once both accepted, this side's QR code (its bytes;
// the component draws it and shows them as text to copy), the other's code
// scanned, read from an image or pasted, and the outcome. Problems are values
// the component says in words. With the authority's bridge bot (`bot`), the
// bot shows its code and the administrator pastes it (lib/people/bot.ts).
import type { SasState, SasVerification, ScanProblem } from '../matrix/people-api.ts';
import { qrPayloadFromText } from '../matrix/qr-payload.ts';
import type { Failure } from '../matrix/failure.ts';
import type { VerificationRequest } from '../matrix/sdk.ts';
import type { PeopleApi } from './people.svelte.ts';

export type CodeProblem = ScanProblem | 'no-code-found' | 'not-text';

export interface VerifiedParty {
	/** The other side is the authority's bridge bot: it only shows its code. */
	readonly bot?: boolean;
	/** How the page names them; their Matrix ID when left out. */
	readonly name?: string;
}

export class UserVerification {
	/** The other person. */
	readonly userId: string;
	/** This side asked. */
	readonly outgoing: boolean;
	/** The other side is the authority's bridge bot. */
	readonly bot: boolean;
	/** How the page names them. */
	readonly name: string;
	readonly #flow: SasVerification;
	#state = $state<SasState>({ kind: 'requested' });
	#problem = $state<Failure | undefined>();
	#codeProblem = $state<CodeProblem | undefined>();

	constructor(matrix: PeopleApi, request: VerificationRequest, onChange: (state: SasState) => void, party: VerifiedParty = {}) {
		this.userId = request.otherUserId;
		// NOTE: a to-device request (the bot's) counts as the other side's once they answer: asked here is asked by us.
		this.outgoing = party.bot === true || request.initiatedByMe;
		this.bot = party.bot === true;
		this.name = party.name ?? request.otherUserId;
		this.#flow = new matrix.SasVerification(
			request,
			(state) => {
				this.#state = state;
				onChange(state);
			},
			{ choose: true },
		);
		this.#state = this.#flow.state;
	}

	get state(): SasState {
		return this.#state;
	}

	get problem(): Failure | undefined {
		return this.#problem;
	}

	/** Why the other's code could not be used (scanned, read from a file or pasted). */
	get codeProblem(): CodeProblem | undefined {
		return this.#codeProblem;
	}

	async accept(): Promise<void> {
		const accepted = await this.#flow.accept();
		if (!accepted.ok) this.#problem = accepted.error;
	}

	startEmoji(): void {
		this.#flow.startEmoji();
	}

	async confirm(): Promise<void> {
		const confirmed = await this.#flow.confirm();
		if (!confirmed.ok) this.#problem = confirmed.error;
	}

	mismatch(): void {
		this.#flow.mismatch();
	}

	/** The other's code, decoded from the camera or an image; undefined when the image held no QR code. */
	async scanned(bytes: Uint8Array | undefined): Promise<void> {
		if (bytes === undefined) {
			this.#codeProblem = 'no-code-found';
			return;
		}
		const scanned = await this.#flow.scanQr(bytes);
		this.#codeProblem = scanned.ok ? undefined : scanned.error;
	}

	/** The other's code as text, pasted. */
	async pasted(text: string): Promise<void> {
		const bytes = qrPayloadFromText(text);
		if (bytes === undefined) {
			this.#codeProblem = 'not-text';
			return;
		}
		await this.scanned(bytes);
	}

	/** The other screen shows success after scanning this side's code. */
	confirmScanned(): void {
		this.#flow.confirmScanned();
	}

	denyScanned(): void {
		this.#flow.denyScanned();
	}

	cancel(): void {
		this.#flow.cancel();
	}

	dispose(): void {
		this.#flow.dispose();
	}
}
