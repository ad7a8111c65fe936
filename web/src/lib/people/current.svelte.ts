// The page's people view models (people.svelte.ts), for the components that
// show a person anywhere: set by the signed-in layout once the session is
// open, undefined before (a badge then shows nothing yet). Also whether the
// user administers their authority (offered to verify its bot, bot.ts).
import { untrack } from 'svelte';
import type { MatrixClient } from '../matrix/sdk.ts';
import { peopleFor, type People } from './people.svelte.ts';

let shown = $state.raw<People | undefined>();
let administrator = $state(false);

/** Whether the signed-in user is an authority administrator (the server's roster says; set by the signed-in layout). */
export function setAuthorityAdministrator(value: boolean): void {
	administrator = value;
}

export function isAuthorityAdministrator(): boolean {
	return administrator;
}

/** Makes (or keeps) the client's people view models and shares them with the page's components. */
export function usePeople(client: MatrixClient | undefined): void {
	if (client === undefined) {
		shown = undefined;
		return;
	}
	void peopleFor(client).then(
		(people) => (shown = people),
		() => undefined,
	);
}

export function currentPeople(): People | undefined {
	return shown;
}

let hosts = $state(0);

/**
 * A page that shows the verification panel in its own place (the plenary
 * exchange, under the person's row) takes it from the signed-in layout while
 * it is shown; the returned function gives it back.
 */
export function hostVerificationPanel(): () => void {
	// NOTE: untracked: called from the page's effect, which must not depend on the count it changes.
	untrack(() => (hosts += 1));
	return () => {
		untrack(() => (hosts -= 1));
	};
}

/** Whether a page shows the verification panel itself (the layout then does not). */
export function verificationPanelHosted(): boolean {
	return hosts > 0;
}
