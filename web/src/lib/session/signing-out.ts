// A tab that signs out says so in Web Storage before it ends the session on
// the homeserver, and gives the other tabs a moment to stop their clients
// (session.svelte.ts), so that none of their requests meets the dead token.
// A tab that hears "token gone" all the same (it was slow to let go) sees the
// mark: this tab does the sign-out and the wiping, so it only lets go and
// says "signed out in another tab" — instead of wiping in parallel and
// blaming another device.
import { SESSION_KEY, type KeyValueStore } from '../matrix/stored-session.ts';

export const SIGNING_OUT_KEY = 'rogatory.signing-out';
/** A mark older than this is a tab that died mid-way: nobody is signing out. */
const MARK_LIFETIME_MS = 60_000;
/** How long a tab waits for the signing-out tab to forget the session. */
const WAIT_MS = 15_000;
const POLL_MS = 100;

export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const realClock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/** How long the signing-out tab gives the others to let go of their clients (a storage event crosses tabs in milliseconds). */
const LET_GO_MS = 300;

/** Tells the other tabs, then gives them a moment to stop their clients before the token ends. */
export async function markSigningOut(store: KeyValueStore, clock: Clock = realClock): Promise<void> {
	store.setItem(SIGNING_OUT_KEY, String(clock.now()));
	await clock.sleep(LET_GO_MS);
}

export function clearSigningOut(store: KeyValueStore): void {
	store.removeItem(SIGNING_OUT_KEY);
}

function marked(store: KeyValueStore, now: number): boolean {
	const since = Number(store.getItem(SIGNING_OUT_KEY));
	return Number.isFinite(since) && since > 0 && now - since >= 0 && now - since < MARK_LIFETIME_MS;
}

/**
 * Whether the session ended because another tab of this browser signed out:
 * the session is already gone from storage, or a fresh mark says another tab
 * is signing out and the session goes while this tab waits.
 */
export async function signedOutByAnotherTab(store: KeyValueStore, clock: Clock = realClock): Promise<boolean> {
	if (store.getItem(SESSION_KEY) === null) return true;
	const start = clock.now();
	if (!marked(store, start)) return false;
	while (clock.now() - start < WAIT_MS) {
		await clock.sleep(POLL_MS);
		if (store.getItem(SESSION_KEY) === null) return true;
		if (store.getItem(SIGNING_OUT_KEY) === null) return false;
	}
	return false;
}
