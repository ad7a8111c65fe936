// View models of emoji verification between two sessions of the same person.
// Verification is one exchange (either side); Verifications holds the one in
// progress for the page: the new browser starts one, a verified session is
// offered the ones other sessions start. A new browser that completes one has
// its trust re-read and its key backup restored once the key arrives.
import type { OpenClient, SasState, SasVerification } from '../matrix/api.ts';
import type { Failure } from '../matrix/failure.ts';
import type { VerificationRequest } from '../matrix/sdk.ts';

type MatrixApi = Pick<
	typeof import('../matrix/api.ts'),
	'SasVerification' | 'declineVerification' | 'requestOwnVerification' | 'watchOwnVerificationRequests' | 'restoreBackupWhenKeyArrives'
>;

export class Verification {
	/** True when this browser is the one being verified (it asked); false when it vouches for another. */
	readonly self: boolean;
	readonly #flow: SasVerification;
	#state = $state<SasState>({ kind: 'requested' });
	#problem = $state<Failure | undefined>();

	constructor(matrix: MatrixApi, request: VerificationRequest, onChange: (state: SasState) => void) {
		this.#flow = new matrix.SasVerification(request, (state) => {
			this.#state = state;
			onChange(state);
		});
		this.self = this.#flow.initiatedByMe;
		this.#state = this.#flow.state;
	}

	get state(): SasState {
		return this.#state;
	}

	get problem(): Failure | undefined {
		return this.#problem;
	}

	async accept(): Promise<void> {
		const accepted = await this.#flow.accept();
		if (!accepted.ok) this.#problem = accepted.error;
	}

	async confirm(): Promise<void> {
		const confirmed = await this.#flow.confirm();
		if (!confirmed.ok) this.#problem = confirmed.error;
	}

	mismatch(): void {
		this.#flow.mismatch();
	}

	cancel(): void {
		this.#flow.cancel();
	}

	dispose(): void {
		this.#flow.dispose();
	}
}

export interface VerificationsDeps {
	readonly open: OpenClient;
	readonly matrix: MatrixApi;
	/** Whether this session may vouch for another (it is verified itself). */
	readonly canVouch: () => boolean;
	/** A verification finished: trust may have changed. */
	readonly finished: () => Promise<void>;
}

export class Verifications {
	readonly #deps: VerificationsDeps;
	#current = $state<Verification | undefined>();
	#starting = $state(false);
	#problem = $state<Failure | undefined>();
	#restored = $state<{ readonly imported: number; readonly total: number } | undefined>();
	readonly #unwatch: () => void;
	#unwatchBackup: (() => void) | undefined;

	constructor(deps: VerificationsDeps) {
		this.#deps = deps;
		this.#unwatch = deps.matrix.watchOwnVerificationRequests(deps.open.client, (request) => {
			const busy = this.#current !== undefined && !['done', 'cancelled'].includes(this.#current.state.kind);
			if (!deps.canVouch() || busy) return deps.matrix.declineVerification(request);
			this.#replace(new Verification(deps.matrix, request, (state) => this.#changed(state, false)));
		});
	}

	/** The verification on screen, if any. */
	get current(): Verification | undefined {
		return this.#current;
	}

	get starting(): boolean {
		return this.#starting;
	}

	get problem(): Failure | undefined {
		return this.#problem;
	}

	/** Message keys restored after this new browser was verified by another session. */
	get restored(): { readonly imported: number; readonly total: number } | undefined {
		return this.#restored;
	}

	/** This (new) browser asks the person's other sessions to verify it. */
	async request(): Promise<void> {
		if (this.#starting) return;
		this.#starting = true;
		this.#problem = undefined;
		const request = await this.#deps.matrix.requestOwnVerification(this.#deps.open.client);
		this.#starting = false;
		if (!request.ok) {
			this.#problem = request.error;
			return;
		}
		this.#replace(new Verification(this.#deps.matrix, request.value, (state) => this.#changed(state, true)));
	}

	/** Closes a finished or refused verification. */
	dismiss(): void {
		this.#current?.cancel();
		this.#replace(undefined);
	}

	dispose(): void {
		this.#unwatch();
		this.#unwatchBackup?.();
		this.#current?.dispose();
	}

	#replace(next: Verification | undefined): void {
		this.#current?.dispose();
		this.#current = next;
	}

	#changed(state: SasState, ours: boolean): void {
		if (state.kind !== 'done') return;
		void this.#deps.finished();
		if (ours && this.#unwatchBackup === undefined)
			this.#unwatchBackup = this.#deps.matrix.restoreBackupWhenKeyArrives(this.#deps.open.client, (imported, total) => {
				this.#restored = { imported, total };
			});
	}
}
