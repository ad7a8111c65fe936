// View model of signing out — of this browser, or everywhere (every web
// session of the user and every Matrix device of the account): confirm, then
// end the session(s) on the homeserver and wipe the browser; when the
// homeserver cannot be reached, offer to wipe anyway. While another tab keeps
// a database open, say so.
import type { Failure } from '../matrix/failure.ts';
import type { Session } from './session.svelte.ts';

export type SignOutStep =
	{ readonly kind: 'confirm' } | { readonly kind: 'working' } | { readonly kind: 'failed'; readonly failure: Failure };

/** This browser only, or every session of the account. */
export type SignOutScope = 'here' | 'everywhere';

export class SignOut {
	readonly #session: Session;
	readonly #scope: SignOutScope;
	#step = $state<SignOutStep>({ kind: 'confirm' });

	constructor(session: Session, scope: SignOutScope = 'here') {
		this.#session = session;
		this.#scope = scope;
	}

	get scope(): SignOutScope {
		return this.#scope;
	}

	get step(): SignOutStep {
		return this.#step;
	}

	/** Another tab holds a database open; the wipe finishes when it closes. */
	get blocked(): boolean {
		return this.#session.wipeBlocked;
	}

	async signOut(options: { readonly evenIfUnreachable?: boolean } = {}): Promise<void> {
		if (this.#step.kind === 'working') return;
		this.#step = { kind: 'working' };
		const result = await this.#session.signOut({ ...options, everywhere: this.#scope === 'everywhere' });
		// On success the session is signed out and the pages move on to sign-in.
		if (!result.ok) this.#step = { kind: 'failed', failure: result.error };
	}
}
