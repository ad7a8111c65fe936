// Named places that an action sends focus to: the element carries
// {@attach focusTarget('case-status')}, the code that acted calls
// focusOn('case-status'). When the place is not on the page yet (a problem
// about to be shown, a page still loading), focus goes there as soon as it
// appears — unless the person has put focus somewhere themselves meanwhile.
// Pages only mark places; what moves focus, and when, lives here.
import type { Attachment } from 'svelte/attachments';
import { focusIsLost, moveFocus } from './focus.ts';

const targets = new Map<string, HTMLElement>();
/** A request that waits for its place to appear, with where focus was when it was made. */
let waiting: { readonly name: string; readonly from: Element | null } | undefined;

function stillWanted(from: Element | null): boolean {
	return focusIsLost() || document.activeElement === from;
}

/** Marks the element as the place called `name`. */
export function focusTarget(name: string): Attachment<HTMLElement> {
	return (element) => {
		targets.set(name, element);
		if (waiting?.name === name) {
			const { from } = waiting;
			waiting = undefined;
			if (stillWanted(from)) moveFocus(element);
		}
		return () => {
			if (targets.get(name) === element) targets.delete(name);
		};
	};
}

/** Sends focus to the place called `name`, now or when it appears. */
export function focusOn(name: string): void {
	const element = targets.get(name);
	if (element !== undefined && moveFocus(element)) {
		waiting = undefined;
		return;
	}
	waiting = { name, from: document.activeElement };
}
