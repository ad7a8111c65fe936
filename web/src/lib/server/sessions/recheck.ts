// Re-validation of web sessions with the user's own homeserver (GET
// /account/whoami with the Matrix token the session was made with, opened
// from its seal with the session token): when recheck-rule.ts says to ask,
// ask, record the answer, and end the session the homeserver refuses. Two
// requests of one session that find a check due share one question.
import type { Result } from '#policies/result.ts';
import { compareAnswer, recheckPlan, recheckVerdict, type RecheckAnswer, type RecheckPurpose } from './recheck-rule.ts';
import type { RecheckSettings } from './settings.ts';
import type { SessionStore, StoredSession } from './store.ts';
import type { WhoAmIFunction } from './whoami.ts';

export type RecheckOutcome =
	/** Serve the request with this session. */
	| 'valid'
	/** The homeserver refused the token: the session is deleted; clear the cookie. */
	| 'ended'
	/** The homeserver has not answered for longer than the grace: serve as if there were no session. */
	| 'suspended'
	/** An export could not be confirmed now: refuse it, keep the session. */
	| 'unconfirmed';

export interface RecheckDeps {
	readonly store: SessionStore;
	readonly whoami: WhoAmIFunction;
	/**
	 * The client-server URL of one of the deployment's homeservers, from the
	 * deployment (never the browser): 'unknown' when it has none by that id,
	 * 'unavailable' when the deployment cannot be read now.
	 */
	readonly clientUrl: (homeserverId: string) => Promise<Result<string, 'unknown' | 'unavailable'>>;
	readonly settings: RecheckSettings;
	readonly now?: () => number;
}

export class SessionRechecker {
	readonly #deps: RecheckDeps;
	readonly #now: () => number;
	readonly #asking = new Map<string, Promise<RecheckAnswer>>();

	constructor(deps: RecheckDeps) {
		this.#deps = deps;
		this.#now = deps.now ?? Date.now;
	}

	async check(token: string, session: StoredSession, purpose: RecheckPurpose): Promise<RecheckOutcome> {
		const { store, settings } = this.#deps;
		const plan = recheckPlan(session, this.#now(), purpose, settings);
		if (plan === 'serve') return 'valid';
		if (plan === 'suspend') return 'suspended';
		const answer = await this.#ask(token, session);
		const now = this.#now();
		switch (recheckVerdict(answer, session, now, purpose, settings)) {
			case 'confirmed':
				store.recordCheck(session.id, now, true);
				return 'valid';
			case 'end':
				store.invalidate(session.id);
				return 'ended';
			case 'grace':
				store.recordCheck(session.id, now, false);
				return 'valid';
			case 'suspend':
				store.recordCheck(session.id, now, false);
				return 'suspended';
			case 'unconfirmed':
				store.recordCheck(session.id, now, false);
				return 'unconfirmed';
		}
	}

	#ask(token: string, session: StoredSession): Promise<RecheckAnswer> {
		const pending = this.#asking.get(session.id);
		if (pending !== undefined) return pending;
		const asking = this.#askNow(token, session).finally(() => this.#asking.delete(session.id));
		this.#asking.set(session.id, asking);
		return asking;
	}

	async #askNow(token: string, session: StoredSession): Promise<RecheckAnswer> {
		const matrixToken = this.#deps.store.matrixToken(token);
		// NOTE: a seal that does not open (rewritten row, another session's
		// token) proves nothing about the user: the session ends.
		if (!matrixToken.ok) return 'refused';
		const url = await this.#deps.clientUrl(session.homeserverId);
		if (!url.ok) return url.error === 'unknown' ? 'refused' : 'unreachable';
		return compareAnswer(await this.#deps.whoami(url.value, matrixToken.value), session);
	}
}
