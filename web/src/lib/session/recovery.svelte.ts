// View model of bringing a new browser in with the recovery key: the person
// types (or pastes) the key; it is checked against the account's secret
// storage, this device is cross-signed, and the key backup is restored so
// that earlier messages can be read here. Progress and problems are values.
import type { BackupOutcome, OpenClient, RecoveryProblem, RecoveryStage } from '../matrix/api.ts';

export type RecoveryStep =
	| { readonly kind: 'enter' }
	| { readonly kind: 'working'; readonly stage: RecoveryStage }
	| { readonly kind: 'done'; readonly backup: BackupOutcome };

type MatrixApi = Pick<typeof import('../matrix/api.ts'), 'recoverWithKey'>;

export interface RecoveryDeps {
	readonly open: OpenClient;
	readonly matrix: () => Promise<MatrixApi>;
	readonly finished: () => Promise<void>;
	/** Runs the key operation (the session holds off reading trust meanwhile). */
	readonly changingKeys: <T>(operation: () => Promise<T>) => Promise<T>;
}

export class Recovery {
	readonly #deps: RecoveryDeps;
	#step = $state<RecoveryStep>({ kind: 'enter' });
	#typed = $state('');
	#problem = $state<RecoveryProblem | undefined>();

	constructor(deps: RecoveryDeps) {
		this.#deps = deps;
	}

	get step(): RecoveryStep {
		return this.#step;
	}

	get typed(): string {
		return this.#typed;
	}
	set typed(value: string) {
		this.#typed = value;
		this.#problem = undefined;
	}

	get problem(): RecoveryProblem | undefined {
		return this.#problem;
	}

	async submit(): Promise<void> {
		if (this.#step.kind !== 'enter') return;
		if (this.#typed.trim() === '') {
			this.#problem = { kind: 'not-a-recovery-key' };
			return;
		}
		this.#problem = undefined;
		this.#step = { kind: 'working', stage: { stage: 'checking' } };
		const matrix = await this.#deps.matrix();
		const result = await this.#deps.changingKeys(() =>
			matrix.recoverWithKey(this.#deps.open.client, this.#typed, this.#deps.open.keys, (stage) => {
				this.#step = { kind: 'working', stage };
			}),
		);
		if (!result.ok) {
			this.#problem = result.error;
			this.#step = { kind: 'enter' };
			return;
		}
		this.#typed = '';
		await this.#deps.finished();
		this.#step = { kind: 'done', backup: result.value };
	}
}
