// Opening a disclosure (<details>) or a dialog (<dialog>) puts focus on its
// first field, so the person goes on typing where they asked to; closing
// leaves focus where it was (the summary, or the dialog's opener by the
// browser's own rule). Used as {@attach firstFieldOnOpen} on the element.
import type { Attachment } from 'svelte/attachments';
import { firstField, moveFocus } from './focus.ts';

export const firstFieldOnOpen: Attachment<HTMLDetailsElement | HTMLDialogElement> = (element) => {
	const onToggle = (): void => {
		if (!element.open) return;
		const content =
			element instanceof HTMLDetailsElement ? [...element.children].filter((child) => child.tagName !== 'SUMMARY') : [element];
		for (const part of content) {
			const field = firstField(part);
			if (field !== undefined) {
				moveFocus(field);
				return;
			}
		}
	};
	element.addEventListener('toggle', onToggle);
	return () => element.removeEventListener('toggle', onToggle);
};
