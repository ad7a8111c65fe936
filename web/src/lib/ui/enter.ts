// Enter in a recovery-key box confirms, as in a one-line field: a key typed
// from paper has no need of a new line (its groups are read whatever the
// spacing), and Shift+Enter still makes one. An Enter that ends an input
// method's composition (Japanese, Chinese…) is the IME's, not a submit.

export interface EnterKey {
	readonly key: string;
	readonly shiftKey: boolean;
	readonly ctrlKey: boolean;
	readonly altKey: boolean;
	readonly metaKey: boolean;
	readonly isComposing: boolean;
}

export function submitsOnEnter(event: EnterKey): boolean {
	return event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey && !event.isComposing;
}
