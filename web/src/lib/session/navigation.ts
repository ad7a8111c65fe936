// The pages of the session flows, as localized paths (/es/keys…), and where a
// session in a given phase belongs: signed out → sign-in, a device still to
// set up or verify → keys, a verified one → home.
import { goto } from '$app/navigation';
import { localizeHref } from '../paraglide/runtime.js';
import type { SessionPhase } from './session.svelte.ts';

export type SessionPath = '/sign-in' | '/keys' | '/home' | '/sign-out' | '/sign-out/everywhere';

export function sessionHref(path: SessionPath): string {
	return localizeHref(path);
}

export function goToSession(path: SessionPath): Promise<void> {
	// NOTE: a Paraglide-localized path (/fr/keys); Kit's resolve() types only route paths.
	// eslint-disable-next-line svelte/no-navigation-without-resolve
	return goto(sessionHref(path), { replaceState: true });
}

/** Where a session in `phase` should be; undefined while it is still opening (or failed: it stays to say why). */
export function placeFor(phase: SessionPhase): SessionPath | undefined {
	switch (phase.kind) {
		case 'signed-out':
			return '/sign-in';
		case 'open':
			return phase.trust.kind === 'verified' ? '/home' : '/keys';
		default:
			return undefined;
	}
}
