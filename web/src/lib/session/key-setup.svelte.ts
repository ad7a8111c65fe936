// View model of the first sign-in's key setup: explain what the recovery key
// is, make one and show it (copy, download, write down), have the person type
// it back to prove they kept it, then store the keys. Asks for the account
// password only if the homeserver wants it. DOM-free: the view copies and
// downloads, and tells this model it did.
import { checkRecoveryKeyCopy, recoveryKeyGroups, type RecoveryKeyCopyProblem } from '../matrix/recovery-key.ts';
import type { KeySetupProblem, OpenClient, RecoveryKey } from '../matrix/api.ts';
import type { StorageKept } from './persist-storage.ts';

export type KeySetupStep =
	| { readonly kind: 'explain' }
	| { readonly kind: 'creating' }
	| { readonly kind: 'show' }
	| { readonly kind: 'confirm' }
	| { readonly kind: 'saving' }
	/** The homeserver asks for the account password before it takes the cross-signing keys. */
	| { readonly kind: 'password'; readonly wrongPassword: boolean }
	| { readonly kind: 'done' }
	| { readonly kind: 'failed'; readonly problem: KeySetupProblem };

type MatrixApi = Pick<typeof import('../matrix/api.ts'), 'createRecoveryKey' | 'KEY_SETUP_STEPS' | 'setUpKeys'>;

/** How far the saving has come: the key setup's parts done, then the trust read that follows (one more). */
export interface SavingProgress {
	readonly done: number;
	readonly total: number;
}

export interface KeySetupDeps {
	readonly open: OpenClient;
	readonly matrix: () => Promise<MatrixApi>;
	/** The password typed at sign-in, if the session still holds it. */
	readonly signInPassword: string | undefined;
	/** Called once the keys are stored (the session then reads its trust again). */
	readonly finished: () => Promise<void>;
	/** Replace the account's keys (the recovery key and every verified session are lost). */
	readonly reset?: boolean;
	/** Runs the key operation (the session holds off reading trust meanwhile). */
	readonly changingKeys: <T>(operation: () => Promise<T>) => Promise<T>;
	/** Asks the browser to keep this site's storage (persist-storage.ts); called from the click that makes the key. */
	readonly keepStorage?: () => Promise<StorageKept>;
}

export class KeySetup {
	readonly #deps: KeySetupDeps;
	#step = $state<KeySetupStep>({ kind: 'explain' });
	#progress = $state<SavingProgress>({ done: 0, total: 1 });
	/** NOTE: not $state — the key object itself never changes; what is shown is derived from the step. */
	#key: RecoveryKey | undefined;
	#keyText = $state('');
	#saved = $state<{ copied: boolean; downloaded: boolean }>({ copied: false, downloaded: false });
	#typed = $state('');
	#typedProblem = $state<RecoveryKeyCopyProblem | undefined>();
	#passwordTyped = $state('');
	#passwordAnswer: ((password: string | undefined) => void) | undefined;
	#usedSignInPassword = false;
	/**
	 * A reset takes the password before it starts. NOTE: the SDK makes the new
	 * cross-signing keys first and uploads them after the homeserver's password
	 * challenge; a /keys/query answered while a person types (still naming the
	 * old keys) makes the crypto drop the new private keys. So the password is
	 * asked for up front, and a refused one restarts the reset from scratch.
	 */
	#resetPassword: string | undefined;
	#resetRefused = false;
	#storage = $state<StorageKept | undefined>();

	constructor(deps: KeySetupDeps) {
		this.#deps = deps;
	}

	/** Whether this setup replaces the account's existing keys. */
	get reset(): boolean {
		return this.#deps.reset ?? false;
	}

	/** Whether the browser promised to keep this site's storage (undefined until it answers). */
	get storage(): StorageKept | undefined {
		return this.#storage;
	}

	get step(): KeySetupStep {
		return this.#step;
	}

	/** The recovery key in groups of four, while it is being shown or confirmed. */
	get keyText(): string {
		return this.#keyText;
	}

	get copied(): boolean {
		return this.#saved.copied;
	}

	get downloaded(): boolean {
		return this.#saved.downloaded;
	}

	get typed(): string {
		return this.#typed;
	}
	set typed(value: string) {
		this.#typed = value;
		this.#typedProblem = undefined;
	}

	get typedProblem(): RecoveryKeyCopyProblem | undefined {
		return this.#typedProblem;
	}

	get passwordTyped(): string {
		return this.#passwordTyped;
	}
	set passwordTyped(value: string) {
		this.#passwordTyped = value;
	}

	/** Makes the recovery key and shows it. */
	async createKey(): Promise<void> {
		if (this.#step.kind !== 'explain' && this.#step.kind !== 'failed') return;
		this.#step = { kind: 'creating' };
		// NOTE: before any await, so the browser still counts the person's click.
		if (this.#storage === undefined) void this.#deps.keepStorage?.().then((kept) => (this.#storage = kept));
		const matrix = await this.#deps.matrix();
		const key = await matrix.createRecoveryKey(this.#deps.open.client);
		if (!key.ok) {
			this.#step = { kind: 'failed', problem: key.error };
			return;
		}
		this.#key = key.value;
		this.#keyText = recoveryKeyGroups(key.value.encoded).join(' ');
		this.#step = { kind: 'show' };
	}

	markCopied(): void {
		this.#saved = { ...this.#saved, copied: true };
	}

	markDownloaded(): void {
		this.#saved = { ...this.#saved, downloaded: true };
	}

	/** On to proving the key was kept. */
	toConfirm(): void {
		if (this.#step.kind === 'show') this.#step = { kind: 'confirm' };
	}

	/** Back to the key (from the confirmation). */
	showAgain(): void {
		if (this.#step.kind === 'confirm') {
			this.#typed = '';
			this.#typedProblem = undefined;
			this.#step = { kind: 'show' };
		}
	}

	/** Checks the typed key; when it matches, stores the keys. */
	async confirm(): Promise<void> {
		if (this.#step.kind !== 'confirm' || this.#key === undefined) return;
		const check = checkRecoveryKeyCopy(this.#key.encoded, this.#typed);
		if (!check.ok) {
			this.#typedProblem = check.problem;
			return;
		}
		if (this.reset && this.#resetPassword === undefined) {
			this.#step = { kind: 'password', wrongPassword: false };
			return;
		}
		await this.#save(this.#key);
	}

	/** After a failure while saving: try again with the same key. */
	async retry(): Promise<void> {
		if (this.#step.kind !== 'failed') return;
		if (this.#key === undefined) return this.createKey();
		await this.#save(this.#key);
	}

	submitPassword(): void {
		const answer = this.#passwordAnswer;
		this.#passwordAnswer = undefined;
		const password = this.#passwordTyped;
		this.#passwordTyped = '';
		if (answer === undefined && this.reset && this.#key !== undefined) {
			if (password === '') return;
			this.#resetPassword = password;
			void this.#save(this.#key);
			return;
		}
		this.#step = { kind: 'saving' };
		answer?.(password === '' ? undefined : password);
	}

	cancelPassword(): void {
		const answer = this.#passwordAnswer;
		this.#passwordAnswer = undefined;
		this.#passwordTyped = '';
		// A reset's password asked up front: nothing has started; back to the key.
		if (answer === undefined) this.#step = { kind: 'confirm' };
		else answer(undefined);
	}

	/** The saving's progress (real steps: keys published, secret storage and backup, trust read). */
	get progress(): SavingProgress {
		return this.#progress;
	}

	async #save(key: RecoveryKey): Promise<void> {
		this.#step = { kind: 'saving' };
		const matrix = await this.#deps.matrix();
		const total = matrix.KEY_SETUP_STEPS + 1;
		this.#progress = { done: 0, total };
		const saved = await this.#deps.changingKeys(() =>
			matrix.setUpKeys(this.#deps.open.client, key, this.#deps.open.keys, ({ wrongPassword }) => this.#askPassword(wrongPassword), {
				reset: this.reset,
				onStep: (done) => (this.#progress = { done, total }),
			}),
		);
		if (!saved.ok) {
			if (this.#resetRefused && saved.error.kind === 'password-not-given') {
				// Nothing reached the homeserver: ask again and start over.
				this.#resetRefused = false;
				this.#step = { kind: 'password', wrongPassword: true };
				return;
			}
			this.#step = { kind: 'failed', problem: saved.error };
			return;
		}
		this.#key = undefined;
		this.#keyText = '';
		this.#typed = '';
		await this.#deps.finished();
		this.#progress = { done: this.#progress.total, total: this.#progress.total };
		this.#step = { kind: 'done' };
	}

	/** The sign-in password first (once), then the person; for a reset, the password given up front. */
	#askPassword(wrongPassword: boolean): Promise<string | undefined> {
		if (this.reset) {
			const password = wrongPassword ? undefined : this.#resetPassword;
			this.#resetPassword = undefined;
			if (password === undefined) this.#resetRefused = true;
			return Promise.resolve(password);
		}
		if (!this.#usedSignInPassword && this.#deps.signInPassword !== undefined && !wrongPassword) {
			this.#usedSignInPassword = true;
			return Promise.resolve(this.#deps.signInPassword);
		}
		this.#step = { kind: 'password', wrongPassword };
		return new Promise((resolve) => (this.#passwordAnswer = resolve));
	}
}
