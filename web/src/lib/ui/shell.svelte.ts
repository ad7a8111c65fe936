// The app shell's slot for a navigation: the root layout renders the banner;
// a layout below it (the signed-in pages') puts its navigation there while it
// is shown, through this context, so the page has one banner with one nav.
import { getContext, setContext, type Snippet } from 'svelte';

const KEY = Symbol('rogatory-shell');

export class Shell {
	nav = $state<Snippet | undefined>();
}

/** In the root layout: the shell its children may fill. */
export function provideShell(): Shell {
	return setContext(KEY, new Shell());
}

/** In a layout below the root: the shell to fill (a fresh one where no root provided it, as in a component test). */
export function useShell(): Shell {
	return getContext<Shell | undefined>(KEY) ?? new Shell();
}
