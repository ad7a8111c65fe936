// The page's people view models (people.svelte.ts), for the components that
// show a person anywhere: set by the signed-in layout once the session is
// open, undefined before (a badge then shows nothing yet).
import type { MatrixClient } from '../matrix/sdk.ts';
import { peopleFor, type People } from './people.svelte.ts';

let shown = $state.raw<People | undefined>();

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
