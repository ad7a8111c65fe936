// View model of "protect the keys in this browser": a device whose crypto
// store was made before storage keys cannot have its store encrypted in
// place (the Rust crypto has no re-keying; a new key over the old store
// would silently start a new identity), so the device is replaced: signed
// out here and on the homeserver, and the person signs in again as a new
// device with an encrypted store, brought back with the recovery key. First
// it says how many message keys held here are not in the key backup, and
// those are only given up when the person says so: never silently.
import type { BackupCoverage } from '../matrix/api.ts';
import type { Failure } from '../matrix/failure.ts';
import type { Session } from './session.svelte.ts';

export type CoverageState =
	| { readonly kind: 'checking' }
	| { readonly kind: 'known'; readonly coverage: BackupCoverage }
	| { readonly kind: 'failed'; readonly failure: Failure };

export class ProtectKeys {
	readonly #session: Pick<Session, 'backupCoverage' | 'signOut'>;
	#coverage = $state<CoverageState>({ kind: 'checking' });
	#lossAccepted = $state(false);
	#busy = $state(false);
	#problem = $state<Failure | undefined>();

	constructor(session: Pick<Session, 'backupCoverage' | 'signOut'>) {
		this.#session = session;
	}

	get coverage(): CoverageState {
		return this.#coverage;
	}

	/** Keys that signing out now would lose (0 while unknown). */
	get wouldLose(): number {
		return this.#coverage.kind === 'known' ? this.#coverage.coverage.outside : 0;
	}

	get lossAccepted(): boolean {
		return this.#lossAccepted;
	}
	set lossAccepted(value: boolean) {
		this.#lossAccepted = value;
	}

	get busy(): boolean {
		return this.#busy;
	}

	get problem(): Failure | undefined {
		return this.#problem;
	}

	/** Whether the device may be replaced now: what would be lost is known and, if anything, accepted. */
	get canProtect(): boolean {
		return this.#coverage.kind === 'known' && (this.wouldLose === 0 || this.#lossAccepted) && !this.#busy;
	}

	/** Compares the keys held here with the backup (again: the backup uploads while the page is open). */
	async check(): Promise<void> {
		// What was accepted was losing the keys counted then; a new count asks again.
		this.#lossAccepted = false;
		this.#problem = undefined;
		this.#coverage = { kind: 'checking' };
		const coverage = await this.#session.backupCoverage();
		this.#coverage = coverage.ok ? { kind: 'known', coverage: coverage.value } : { kind: 'failed', failure: coverage.error };
	}

	/** Signs this device out (here and on the homeserver) and wipes the browser; sign-in then says why. */
	async protect(): Promise<void> {
		if (!this.canProtect) return;
		this.#busy = true;
		this.#problem = undefined;
		try {
			const done = await this.#session.signOut({ reason: 'protect-keys' });
			if (!done.ok) this.#problem = done.error;
		} finally {
			this.#busy = false;
		}
	}
}
